# jpyc: expect SyntaxError
# jpyc: feature "invalid syntax" (not "expected ':'") for an extra token before a for header's colon: for_stmt's ':' is not forced in 3.10.8 either
for x in range 10:
    pass
