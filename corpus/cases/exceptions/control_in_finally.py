# jpyc: feature continue/break/return inside finally (PEP 765: SyntaxWarning from 3.14, still compiles)
def continue_in_finally(n):
    total = 0
    while n > 0:
        n -= 1
        try:
            total += n
        finally:
            if n % 2:
                continue
    return total


def break_in_finally(items):
    for item in items:
        try:
            if item:
                raise ValueError(item)
        finally:
            break
    return "left"


def return_in_finally():
    try:
        return 1
    finally:
        return 2
