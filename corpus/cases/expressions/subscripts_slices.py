# jpyc: feature subscripts, slices with all parts, extended slices, tuple indices
seq = list(range(30))
grid = {(0, 0): "origin", (1, 2): "p"}

a = seq[0]
b = seq[-1]
c = seq[1:]
d = seq[:5]
e = seq[::2]
f = seq[1:10:3]
g = seq[:]
h = seq[::]
i = seq[-5:-1]
lo, hi = 2, 7
j = seq[lo:hi]
k = seq[lo + 1:hi * 2:lo]
m = grid[0, 0]
n = grid[(1, 2)]
seq[0] = 100
seq[1:3] = [7, 8]
seq[::3] = seq[::3]
seq[lo:hi] += [1]
seq[len(seq) - 1] -= 1


class Matrix:
    def __getitem__(self, key):
        return key


mx = Matrix()
p = mx[1:2, ::3, ...]
q = mx[..., None]
r = mx[1:2:3, 4]
s = mx[:, :]
t = mx[lo:, :hi]
u = mx[slice(1, 2)]
v = mx["key"][0]
w = seq[seq[0] % len(seq)]
