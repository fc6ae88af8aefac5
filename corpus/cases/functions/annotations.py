# jpyc: feature parameter/return/variable annotations evaluated eagerly (pre-3.14 semantics)
from typing import Optional, Union

counter: int = 0
names: list[str]
mapping: "dict[str, int]" = {}


def f(a: int, b: "str" = "x", *args: float, key: Optional[int] = None, **kw: object) -> Union[int, None]:
    local: int = a
    other: list
    return local


def nested() -> None:
    def inner(x: int) -> int:
        y: int = x
        return y
    return None


class C:
    field: int = 1
    other: str
    (paren): int = 2

    def method(self, value: "C") -> "C":
        self.attr: int = 3
        return value


obj = C()
obj.dynamic: int = 5
mapping["k"]: int = 6
