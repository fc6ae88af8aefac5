# jpyc: expect SyntaxError
# jpyc: feature lambda parameters cannot be annotated
f = lambda x: int: x
