# jpyc: expect SyntaxError
# jpyc: feature unterminated string literal
x = "abc
y = 2
