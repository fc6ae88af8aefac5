# jpyc: versions >=3.12
# jpyc: feature PEP 695 generic classes, methods using outer type params, bases using params
from typing import Generic


class Box[T]:
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item

    def map[U](self, fn: "Callable[[T], U]") -> "Box[U]":
        return Box(fn(self.item))


class Pair[K, V](dict[K, V]):
    first: K
    second: V


class Bounded[T: int, *Ts, **P]:
    values: tuple[*Ts]


class Nested[T]:
    class Inner[U]:
        def both(self, t: T, u: U) -> tuple[T, U]:
            return t, u


class WithKeywords[T](object, metaclass=type):
    pass
