# jpyc: expect SyntaxError
# jpyc: feature a for target that is a comparison other than 'in': RAISE_SYNTAX_ERROR_INVALID_TARGET finds no target to blame and returns NULL, so the generic "invalid syntax" stays at the first pass's last token
items = [1, 2, 3]
for i < len(items):
    pass
