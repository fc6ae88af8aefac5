# jpyc: expect SyntaxError
# jpyc: feature a lambda parameter named __debug__ in a default (3.11: reported at the lambda, 3.12+ at the parameter)
def f(*, x=lambda a, __debug__: 0):
    pass
