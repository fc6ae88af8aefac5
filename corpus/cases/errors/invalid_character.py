# jpyc: expect SyntaxError
# jpyc: feature invalid character in identifier/expression (U+20AC)
x = 1 € 2
