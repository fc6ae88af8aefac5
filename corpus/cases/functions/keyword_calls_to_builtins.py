# jpyc: feature calls with many keyword arguments and keyword names reused (kwnames tuple)
def options(**kw):
    return kw


a = options(alpha=1, beta=2, gamma=3)
b = options(alpha=4, beta=5, gamma=6)
c = dict(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10, k=11, l=12, m=13, n=14, o=15, p=16, q=17)
d = sorted([3, 1, 2], key=None, reverse=True)
e = print("x", "y", sep="-", end="!\n", file=None, flush=False)
f = int("ff", base=16)
