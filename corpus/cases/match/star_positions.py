# jpyc: versions >=3.10
# jpyc: feature star patterns at start/middle/end, star wildcard, long sequence patterns
def shape(seq):
    match seq:
        case [*_, 0]:
            return "ends with zero"
        case [0, *_]:
            return "starts with zero"
        case [*head, 9, 9]:
            return head
        case [1, 2, 3, 4, 5, 6, 7, 8, *rest]:
            return rest
        case [a, b, c, d, e, f, g, h, i, j]:
            return a + j
        case (*_,):
            return "any sequence"
