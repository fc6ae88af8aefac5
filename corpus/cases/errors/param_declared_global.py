# jpyc: expect SyntaxError
# jpyc: feature name is parameter and global
def f(x):
    global x
