# jpyc: feature closures nested five deep: cells passed through intermediate scopes, nonlocal at several levels, cell arguments, lambdas and class bodies in between
def level1(a, b=2, *args, c, **kw):
    x = a
    def level2(d):
        nonlocal x
        y = d + x
        class Mid:
            z = y
            def method(self, e):
                def level4():
                    nonlocal e
                    e = e + x + y
                    def level5():
                        return a, b, args, c, kw, d, e, x, y, self
                    return level5
                return level4()
        x = y
        return Mid, (lambda q: lambda: q + x + y + d)
    def other():
        return x
    a = None
    return level2, other


def shadow(v):
    def inner(v=v):
        def innermost():
            return v
        v = v + 1
        return innermost
    return inner, lambda: v


def cell_arg(self, n):
    def get():
        return self, n
    n += 1
    return get
