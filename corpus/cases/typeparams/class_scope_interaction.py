# jpyc: versions >=3.12
# jpyc: feature PEP 695 annotation scopes reading class-level names (__classdict__ cell)
class Outer:
    Alias = int
    type Inner = list[Alias]

    def method[T](self, x: Alias, y: T) -> T:
        return y

    class Deep[U: Alias]:
        attr: U

    def uses_class(self):
        return __class__


def closure_over_params():
    x = "outer"

    def g[T](a: T) -> T:
        return a if x else a

    class C[T]:
        value = x

    return g, C
