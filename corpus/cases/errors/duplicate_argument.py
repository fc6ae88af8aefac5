# jpyc: expect SyntaxError
# jpyc: feature duplicate parameter name
def f(a, b, a):
    return a + b
