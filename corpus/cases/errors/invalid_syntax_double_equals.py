# jpyc: expect SyntaxError
# jpyc: feature plain invalid syntax
x = = 1
