# jpyc: expect SyntaxError
# jpyc: feature 'return' at module level
x = 1
if x:
    return x
