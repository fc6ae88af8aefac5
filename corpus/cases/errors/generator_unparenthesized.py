# jpyc: expect SyntaxError
# jpyc: feature generator expression must be parenthesized when not the sole argument
print(x for x in range(3), 1)
