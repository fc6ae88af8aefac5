# jpyc: expect SyntaxError
# jpyc: feature a class keyword named __debug__ (3.11: reported at the class statement, 3.12+ at the keyword)
class C(Base, __debug__=1):
    pass
