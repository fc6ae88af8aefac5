# jpyc: expect SyntaxError
# jpyc: feature an identifier that is not UTF-8 in the middle of a line: 3.13 counts the column on the line decoded with replacement characters and encoded again (each invalid byte three bytes of U+FFFD), as every error on such a line; until 3.12 a byte column; 3.14 rejects the source before parsing

x = a≈Âb
