# jpyc: feature f-strings in closures, comprehensions and lambdas (cell references)
def make_greeter(greeting):
    punct = "!"

    def greet(name):
        return f"{greeting}, {name}{punct}"

    return greet


def labels(prefix, values):
    return [f"{prefix}{i}:{v!r}" for i, v in enumerate(values)]


fmt = lambda a, b=2: f"{a}/{b}={a / b:.3}"


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"{type(self).__name__}({self.x!r}, {self.y!r})"

    def __format__(self, spec):
        return f"<{self.x:{spec}}, {self.y:{spec}}>"


s = f"{Point(1, 2)} {Point(1.5, 2.5):.1f} {make_greeter('hi')('bob')}"
