# jpyc: expect SyntaxError
# jpyc: feature "Perhaps you forgot a comma?" after a name that is a prefix of a soft keyword ("c" of "case"): up to 3.13 SOFT_KEYWORD took prefixes (python/cpython#130077), from 3.14 "invalid syntax" becomes the hint

def render(a, c, d):
    return format(a, width=c d)
