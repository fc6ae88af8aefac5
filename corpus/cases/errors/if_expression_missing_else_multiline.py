# jpyc: expect SyntaxError
# jpyc: feature "expected 'else' after 'if' expression" spanning two lines, ending right of the first line's end: pegen counts the end column on the first line (clamped to its length + 1; from 3.13, before only with a coding cookie)

def label(count, limit):
    return ((
        "many") * 2 if count > limit)
