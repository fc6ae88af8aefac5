# jpyc: feature is/in against None, constants, tuples (folding), sets (frozenset folding) and lists
def checks(x):
    return [
        x is None, x is not None, x in (1, 2, 3), x not in (1, 2, 3),
        x in [4, 5], x in {6, 7}, x not in {"a", "b"}, x in "string",
        x in (), x in {}, x in b"bytes",
    ]


def loop(x):
    for item in [1, 2, 3]:
        if item in {2, 3}:
            x += item
    for item in {9, 8}:
        x -= item
    return x
