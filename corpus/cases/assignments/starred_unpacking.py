# jpyc: feature unpacking assignments: nested, starred in every position, swap, from generators
a, b = 1, 2
a, b = b, a
x, y, z = (1, 2, 3)
x, y, z = z, x, y
first, *middle, last = range(10)
*init, tail = "abc"
head, *tail2 = [1]
(p, q), r = (1, 2), 3
[s, [t, *u]] = [1, [2, 3, 4]]
i, = [5]
[j] = (6,)
k, l = "kl"
m, n = (v for v in (7, 8))
lst = [0, 0]
lst[0], lst[1] = lst[1], lst[0]


def swap_three(a, b, c):
    a, b, c = c, a, b
    return a, b, c


def unpack_dict(d):
    (k1, v1), *others = d.items()
    return k1, v1, others
