# jpyc: feature PEP 649 function annotations: every parameter kind, return, defaults, methods, nested, async, lambdas
import typing


def simple(a: int, b: str = "x") -> bool:
    return bool(a)


def every(p1: int, p2: "str", /, p3: float = 1.0, *args: tuple, k1: bytes, k2: list = [], **kw: dict) -> None:
    local: int = 5
    other: UndefinedName
    return local


def unannotated(x, y=2, *z, w, **v):
    return x


def only_return() -> typing.Iterator[int]:
    yield 1


async def coroutine(x: int, *, y: "Later") -> typing.Awaitable[None]:
    z: int = await x
    return z


def outer(n: int):
    def inner(m: n.__class__ = n) -> type(n):
        q: list[n] = []
        return q
    lam = lambda v=n: v
    return inner, lam


def decorated(f):
    return f


@decorated
def with_decorator(format: int, cls: type = int) -> "format":
    return format


class Methods:
    attr: int

    def method(self, x: "Methods", y: attr = 0) -> attr:
        return x

    @staticmethod
    def static(z: list[int]) -> None:
        pass

    def __private(self, __arg: int) -> None:
        __local: int = 1
