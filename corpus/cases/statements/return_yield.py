# jpyc: feature return, yield, yield from, generator return values
def plain(x):
    if x:
        return
    return None


def value(x):
    return x * 2 if x else -x


def tuple_return(a, b):
    return a, b, *range(2)


def gen(n):
    total = 0
    for i in range(n):
        got = yield i
        if got is not None:
            total += got
    return total


def gen_expr_stmt():
    yield
    yield 1, 2
    x = yield
    y = (yield x)
    return (yield from gen(y or 0))


def delegate():
    result = yield from gen(3)
    yield from [result]
    yield from (c for c in "ab")
    return result


def lambda_gen():
    f = lambda: (yield)
    return f
