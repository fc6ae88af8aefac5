# jpyc: feature if/elif/else chains, nested ifs, constant conditions, empty branches
DEBUG = False


def classify(n):
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    elif n < 10:
        if n % 2:
            kind = "small odd"
        else:
            kind = "small even"
    elif n < 100:
        kind = "medium"
    else:
        kind = "large"
    if DEBUG:
        print(kind)
    if 0:
        unreachable = True
    if 1:
        reachable = True
    if not n:
        pass
    return kind
