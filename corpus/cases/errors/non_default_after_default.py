# jpyc: expect SyntaxError
# jpyc: feature parameter without a default follows one with a default
def f(a=1, b):
    pass
