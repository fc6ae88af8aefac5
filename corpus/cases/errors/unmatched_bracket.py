# jpyc: expect SyntaxError
# jpyc: feature closing ']' does not match opening '('
values = (1, 2]
print(values)
