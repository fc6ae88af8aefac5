# jpyc: feature comprehensions that PEP 709 (3.12) inlines, incl. ones with cells and class scope
def with_cell(values):
    out = [lambda: v for v in values]
    return out


def shadowing_local(items):
    item = "before"
    squares = [item * item for item in items]
    return item, squares


def uses_outer_cell(n):
    k = 2
    inner = lambda: k
    return [k * i for i in range(n)], inner


def comprehension_in_comprehension(n):
    return [[j for j in range(i)] for i in range(n)]


def generator_not_inlined(n):
    return list(i for i in range(n))


def locals_in_comprehension():
    x = 1
    return [locals() for _ in range(1)]


class C:
    y = 3
    a = [i for i in range(y)]
    b = [y for _ in range(2)] if False else None
