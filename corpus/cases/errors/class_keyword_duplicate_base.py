# jpyc: expect SyntaxError
# jpyc: feature positional base after keyword in class definition
class C(metaclass=type, object):
    pass
