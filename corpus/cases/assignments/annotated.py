# jpyc: feature annotated assignments at module, class and function level, simple and complex targets
import typing

a: int
b: int = 1
c: "forward" = None
(d): int = 2
e: typing.List[int] = []
e[0:0]: list = [1]


class Point:
    x: float
    y: float = 0.0
    z: "Point | None" = None


def local():
    p: int = 1
    q: str
    r: list[int] = [p]
    return p, r


obj = Point()
obj.x: float = 1.5
