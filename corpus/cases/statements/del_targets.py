# jpyc: feature del of names, attributes, subscripts, slices and tuples
import types

ns = types.SimpleNamespace(a=1, b=2, c=3)
data = list(range(20))
table = {"x": 1, "y": 2, "z": 3}
x = y = z = 0

del x
del y, z
del ns.a
del ns.b, ns.c
del data[0]
del data[1:3]
del data[::2], data[-1]
del table["x"]
del (table["y"])
del [table["z"]]
(a, b) = 1, 2
del (a, b)
[c, d] = 3, 4
del [c, d]


def local_del():
    v = [1, 2, 3]
    w = v
    del v[0], w
    del v
    return locals()


def del_in_loop(items):
    for item in items:
        del item
    try:
        return item  # noqa: F821 -- UnboundLocalError at run time
    except UnboundLocalError:
        return None
