# jpyc: feature unary operators: -, +, ~, not; on names, constants and nested
def unary(x, y):
    return -x, +x, ~x, not x, - -x, ~~y, not not y, -(x + y), +(-x), -x ** 2, (-x) ** 2


a = -1
b = +1
c = ~0
d = not 1
e = -(-1)
f = --1
g = ~-1
h = -True
