# jpyc: feature chained assignment to names, attributes, subscripts and tuples
class C:
    pass


c = C()
a = b = 0
x = y = z = []
c.attr = d = {}
d["k"] = c.other = [1]
m, n = p = (1, 2)
lst = [0, 0, 0]
lst[0] = lst[1] = lst[2] = "same"
i = j = k = l = m = None
