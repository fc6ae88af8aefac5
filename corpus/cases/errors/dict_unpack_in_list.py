# jpyc: expect SyntaxError
# jpyc: feature dict unpacking cannot be used in a list display
a = {}
b = [**a]
