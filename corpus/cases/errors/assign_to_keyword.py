# jpyc: expect SyntaxError
# jpyc: feature assignment to None
None = 1
