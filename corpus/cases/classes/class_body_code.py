# jpyc: feature arbitrary statements in class bodies: loops, comprehensions, conditionals
import sys


class Table:
    columns = ["a", "b", "c"]
    widths = {name: len(name) * 2 for name in columns}
    if sys.version_info >= (3, 0):
        modern = True
    else:
        modern = False
    for _i in range(3):
        pass
    del _i
    try:
        import json as _json
    except ImportError:
        _json = None
    total = sum(x for x in range(10))
    lookup = [c.upper() for c in columns if c != "b"]
    locals()["dynamic"] = 1
    with open(__file__) as _fh:
        first = _fh.readline()
    name_in_lambda = (lambda: __qualname__ if False else "x")()


print(Table.widths, Table.lookup)
