# jpyc: versions >=3.12
# jpyc: feature private names after a generic class (3.12.1 mangles what follows with the class's name), yield from / await in generic scopes
class C[T]:
    __a = 1

    def m(self):
        return self.__a

__x = 1


def f():
    class D[T]:
        pass

    __w = 2
    return __w


__z = 3


class E:
    class F[T: int]:
        pass

    __v = 4


def g[T](it):
    yield from it


async def h[T](aw):
    return await aw
