# jpyc: expect SyntaxError
# jpyc: feature positional argument follows keyword argument
print(sep="", 1)
