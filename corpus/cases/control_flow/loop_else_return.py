# jpyc: feature loops whose bodies always return/raise, unreachable code after loops
def first_positive(items):
    for item in items:
        if item > 0:
            return item
    raise ValueError("none positive")


def always_returns(items):
    for item in items:
        return item
    return None


def raise_in_loop(n):
    while True:
        raise StopIteration(n)
    return "unreachable"


def dead_code_after_return(x):
    return x
    print("dead")
    x += 1
