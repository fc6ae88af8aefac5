# jpyc: versions >=3.10
# jpyc: feature class patterns: positional (__match_args__), keyword, builtins
import dataclasses


@dataclasses.dataclass
class Point:
    x: int
    y: int


@dataclasses.dataclass
class Line:
    start: Point
    end: Point


def where(shape):
    match shape:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y {yy}"
        case Point(x, y=0):
            return f"on x {x}"
        case Line(Point(x1, y1), Point(x2, y2)) if x1 == x2:
            return "vertical"
        case Line(start=Point() as s, end=e):
            return (s, e)
        case int(n) | float(n):
            return n
        case str() as s if s:
            return s
        case dict(d):
            return d
        case object():
            return "something"
