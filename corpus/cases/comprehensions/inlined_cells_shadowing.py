# jpyc: versions >=3.12
# jpyc: feature PEP 709 inlined comprehensions: iteration variables shadowing locals and cells, cells created inside, walrus to the enclosing scope, nested and async comprehensions, class-body comprehensions
def shadow_local(x):
    y = [x for x in range(3)]
    return x, y


def shadow_cell(x):
    f = lambda: x
    y = [x * 2 for x in range(3)]
    return f, y


def cell_inside(items):
    return [lambda: i for i in items]


def walrus(items):
    total = 0
    out = [(total := total + i) for i in items if i]
    return out, total


def nested(m):
    return [[j for j in row if j != i] for i, row in enumerate(m)]


def dict_set(keys):
    a = {k: [k for k in keys] for k in keys}
    b = {k for k in keys if any(k == j for j in keys)}
    return a, b


async def async_comp(aiter):
    return [x async for x in aiter], {x: await x for x in []}


def bound_later(items):
    y = [z for z in items]
    def g():
        return z
    z = 1
    return y, g


class C:
    a = 1
    b = [a for _ in range(2)] if False else None
    c = [x for x in range(3)]
