# jpyc: versions >=3.13
# jpyc: feature PEP 695/696 type parameters in every position: functions, async functions, methods, classes, aliases; bounds, constraints, defaults, TypeVarTuple, ParamSpec; nested generics and closures over parameters
def ident[T](x: T) -> T:
    return x


async def agen[T: int, *Ts, **P](x: T, *args: *Ts) -> T:
    return x


def with_defaults[T = int, U: (str, bytes) = str, *Ts = *tuple[int], **P = [int, str]](a: T, b: U) -> tuple[T, U]:
    def inner() -> T:
        return a
    return inner(), b


class Box[T: (int, str), *Ts, **P]:
    item: T

    def map[S](self, f: "Callable[[T], S]") -> "Box[S]":
        return Box()

    class Inner[U = T]:
        def get[V](self, v: V) -> U | V:
            return v

    type Pair[K] = tuple[K, T]


type Simple = int
type Rec[T] = list[Rec[T]] | T
type WithDefault[T = str, *Ts = *tuple[()], **P = ...] = Callable[P, T]


@decorator
def decorated[T](x: T = None, /, *, y: T = None) -> T:
    return x or y


class Sub[T](Box[T, int], metaclass=Meta, flag=True):
    def __init__(self, x: T) -> None:
        self.x = x
        lam = lambda: T
