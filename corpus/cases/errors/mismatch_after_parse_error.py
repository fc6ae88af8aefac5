# jpyc: expect SyntaxError
# jpyc: feature a closing bracket that does not match after a parse error, with no bracket left open once it is popped: every version reports the mismatch (3.10 looks for an open bracket first and finds none)

total = (
    first +
    second second,
    third]
