# jpyc: feature a walrus in a TypeVar's constraints: 3.12 says "TypeVar bound", 3.13+ "TypeVar constraint"
# jpyc: expect SyntaxError
def f[T: ((x := 3), int)]():
    pass
