# jpyc: feature for loop targets: names, tuples, nested, starred, attributes, subscripts
class NS:
    pass


ns = NS()
store = [0, 0]
for i in range(2):
    pass
for a, b in [(1, 2)]:
    pass
for (c, (d, e)) in [(1, (2, 3))]:
    pass
for first, *rest in ["abc"]:
    pass
for ns.attr in range(3):
    pass
for store[0] in range(3):
    pass
for [x, y] in [[1, 2]]:
    pass
for _ in ():
    pass
for k, v in {"a": 1}.items():
    print(k, v)
