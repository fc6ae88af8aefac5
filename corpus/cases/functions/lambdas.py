# jpyc: feature lambdas in many positions: defaults, keys, nested, immediately called
square = lambda x: x * x
compose = lambda f, g: lambda *a, **k: f(g(*a, **k))
inc_then_square = compose(square, lambda x: x + 1)
table = {"add": lambda a, b: a + b, "neg": lambda a: -a}
points = sorted([(3, 1), (1, 2)], key=lambda p: (p[1], -p[0]))
fact = (lambda f: lambda n: f(f, n))(lambda self, n: 1 if n <= 1 else n * self(self, n - 1))


def with_lambda_default(fn=lambda: None, *, cb=lambda *_: 0):
    return fn(), cb(1, 2)


gen_lambda = lambda: (yield)
posonly_lambda = lambda a, /, b: a - b
kw_lambda = lambda *, k=1: k
