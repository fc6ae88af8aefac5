# jpyc: feature nested function definitions, qualnames, methods in functions
def outer(x):
    def middle(y):
        class Local:
            def method(self, z):
                def innermost():
                    return x + y + z
                return innermost()
        return Local().method(y)
    return middle(x)


def factory():
    def a():
        return "a"

    def b():
        return a() + "b"

    async def c():
        return b()

    def d():
        yield c
    return a, b, c, d
