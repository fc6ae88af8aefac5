# jpyc: versions >=3.12
# jpyc: feature decorators on generic functions/classes, generic lambdas defaults, nested generics
import functools


def register[F](fn: F) -> F:
    return fn


@register
@functools.lru_cache(maxsize=None)
def cached[T](x: T, n: int = 2) -> tuple[T, ...]:
    return (x,) * n


@register
class Service[T]:
    @staticmethod
    def make[U](u: U) -> "Service[U]":
        return Service()

    @property
    def value(self) -> T | None:
        return None


def outer[A]():
    def inner[B](b: B, a: A = None) -> tuple[A, B]:
        return a, b
    return inner
