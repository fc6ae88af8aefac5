# jpyc: feature every augmented assignment operator on names, attributes and subscripts
class Obj:
    def __init__(self):
        self.v = 10


x = 100
x += 1; x -= 2; x *= 3; x /= 4; x //= 2; x %= 7; x **= 2
n = 0xFF
n &= 0x0F; n |= 0x30; n ^= 0x01; n <<= 2; n >>= 1
o = Obj()
o.v += 5; o.v -= 1; o.v *= 2; o.v //= 3
lst = [1, 2, 3]
lst[0] += 10; lst[-1] *= 2; lst[1:2] += [9]
d = {"k": 1}
d["k"] <<= 3
d["new"] = d.get("new", 0)
d["new"] += 1
s = "a"
s += "b" * 2
