# jpyc: versions >=3.12
# jpyc: feature PEP 695 generic functions: TypeVar, bounds, constraints, TypeVarTuple, ParamSpec
from collections.abc import Callable, Sequence


def first[T](items: Sequence[T]) -> T:
    return items[0]


def clamp[N: (int, float)](value: N, lo: N, hi: N) -> N:
    return max(lo, min(value, hi))


def longest[S: Sequence[object]](a: S, b: S) -> S:
    return a if len(a) >= len(b) else b


def star[*Ts](*args: *Ts) -> tuple[*Ts]:
    return args


def wrap[**P, R](fn: Callable[P, R]) -> Callable[P, R]:
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        return fn(*args, **kwargs)
    return inner


def defaults_and_generics[T](x: T, y: int = 3, *, z: T | None = None) -> list[T]:
    return [x] * y
