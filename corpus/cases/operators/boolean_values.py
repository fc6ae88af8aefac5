# jpyc: feature boolean operators returning operands, nested and/or in assignments and returns
def pick(a, b, c):
    x = a or b or c
    y = a and b and c
    z = a or (b and c)
    w = (a or b) and c
    v = not a or not b
    u = a and not b or c
    return x, y, z, w, v, u, a or None, a and None


default = None or "fallback"
empty = [] and "never"
chain = 0 or "" or [] or {} or "last"
