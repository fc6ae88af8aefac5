# jpyc: expect SyntaxError
# jpyc: feature 'nonlocal' at module level
x = 1
nonlocal x
