# jpyc: expect SyntaxError
# jpyc: feature f-string: expecting '}'
x = 1
y = f"{x"
