# jpyc: feature __debug__ folding and if __debug__ blocks under -O
# jpyc: optimize 0,1,2
def debug_only():
    if __debug__:
        print("debug mode")
    if not __debug__:
        print("optimized mode")
    return __debug__


x = 1 if __debug__ else 2
y = [__debug__ for _ in range(1)]
while not __debug__:
    break
