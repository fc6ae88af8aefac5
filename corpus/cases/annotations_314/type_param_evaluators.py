# jpyc: versions >=3.13
# jpyc: feature PEP 695/749 lazily evaluated bounds, constraints, defaults and type alias values (3.14: format evaluators)
import typing

type Simple = int | str
type Generic[T] = list[T]
type Bounded[T: (int, str), *Ts, **P] = typing.Callable[P, tuple[T, *Ts]]


def func[T: int, U: (str, bytes) = str, *Ts = (), **P = [int]](a: T, *args: *Ts) -> U:
    return a


class Klass[K: typing.Hashable, V = None]:
    type Alias = dict[K, V]
    field: dict[K, V]

    def method[M](self, m: M, k: K) -> V:
        return None


def outer():
    x = int

    type Local = list[x]

    def inner[Y: x](y: Y) -> x:
        return y

    return Local, inner
