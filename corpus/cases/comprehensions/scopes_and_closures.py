# jpyc: feature comprehension scoping: iteration variable isolation, closures over comprehension vars, class scope
x = "global x"
result = [x for x in range(3)]
assert x == "global x"


def closure_capture():
    return [lambda: i for i in range(3)]


def outer_variable_used(n):
    offset = 10
    return [i + offset for i in range(n)]


def cell_in_comprehension(n):
    items = [i for i in range(n)]
    f = lambda: items
    return [f() for _ in range(2)]


class K:
    base = 5
    first_iter_sees_class = [base * i for i in range(base)]
    vals = [1, 2]
    doubled = {v: v * 2 for v in vals}


def comprehension_shadows_param(x):
    return [x for x in range(x)]
