# jpyc: expect SyntaxError
# jpyc: feature for target is True
for True in range(3):
    pass
