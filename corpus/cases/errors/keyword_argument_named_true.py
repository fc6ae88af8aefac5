# jpyc: expect SyntaxError
# jpyc: feature "cannot assign to True" for True as a keyword argument's name (invalid_kwarg, in 3.10.8 too)

def call(f):
    return f(True=1)
