# jpyc: expect SyntaxError
# jpyc: feature starred assignment target must be in a list or tuple
*a = range(3)
