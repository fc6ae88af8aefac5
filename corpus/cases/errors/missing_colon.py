# jpyc: expect SyntaxError
# jpyc: feature expected ':'
x = 1
if x
    pass
