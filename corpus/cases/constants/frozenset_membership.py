# jpyc: feature 'x in {...}' folded to frozenset constants: ints, strings, mixed, hash order
VOWELS = "aeiou"


def kind(ch):
    if ch in {"a", "e", "i", "o", "u"}:
        return "vowel"
    if ch in {"y", "w"}:
        return "semi"
    if ch not in {" ", "\t", "\n", "\r"}:
        return "other"
    return "space"


def code(n):
    return n in {200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 500, 502, 503}


def mixed(v):
    return v in {1, "one", 1.5, (1, 2), None, b"b", frozenset}


def negative_and_big(v):
    return v in {-1, -2, 2 ** 40, -(2 ** 70), 0.5, -0.0}


def loop_over_set():
    return [x for x in {3, 1, 2}]
