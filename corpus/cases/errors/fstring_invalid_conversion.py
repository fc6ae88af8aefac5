# jpyc: expect SyntaxError
# jpyc: feature f-string: invalid conversion character
x = 1
y = f"{x!z}"
