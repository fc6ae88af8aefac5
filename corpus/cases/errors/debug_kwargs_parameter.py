# jpyc: expect SyntaxError
# jpyc: feature a **kwargs parameter named __debug__ (3.11: reported at the def statement, 3.12+ at the parameter)
@decorator
def f(a, **__debug__):
    pass
