# jpyc: feature starred expressions in displays, returns, subscripts
a = [1, 2]
b = (3, 4)
c = {5, 6}
d = {"k": 1}

lst = [*a, *b, 0, *c]
tup = (*a, *b)
single = (*a,)
st = {*a, *b, 7}
dct = {**d, "z": 0, **{"y": 1}}
first, *rest = lst
*init, last = tup
head, *mid, tail = range(10)
[x, *ys] = "abc"
(p, (q, *r)) = 1, (2, 3, 4)
for i, *others in [(1, 2, 3), (4, 5)]:
    print(i, others)


def gen():
    return *a, *b


def yielder():
    yield *a, 9


print(*lst, **{"sep": "-"})
