# jpyc: expect SyntaxError
# jpyc: feature assignment to a function call inside a function
def f():
    g() = 1
