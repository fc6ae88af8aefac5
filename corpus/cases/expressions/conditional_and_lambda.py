# jpyc: feature conditional expressions, lambdas with every parameter kind
def pick(flag, a, b):
    return a if flag else b


nested = lambda x: "neg" if x < 0 else "zero" if x == 0 else "pos"
plain = lambda: None
positional = lambda a, b=2, /, c=3: (a, b, c)
star = lambda *args, key=None, **kw: (args, key, kw)
kwonly = lambda *, k: k
defaults = lambda a=[], b={}: (a, b)
closure = lambda n: lambda m: n + m
add5 = closure(5)
values = [nested(v) for v in (-1, 0, 1)]
chosen = (lambda: 1 if values else 2)()
result = pick(True, positional(1), star(1, 2, key=3, z=4))
check = kwonly(k=add5(1)) if result else None
sort_key = sorted(["bb", "a", "ccc"], key=lambda s: (len(s), s))
