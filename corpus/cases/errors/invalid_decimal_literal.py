# jpyc: expect SyntaxError
# jpyc: feature invalid decimal literal
x = 1abc
