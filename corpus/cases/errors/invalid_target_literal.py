# jpyc: expect SyntaxError
# jpyc: feature assignment to a literal
x = 1
1 = x
