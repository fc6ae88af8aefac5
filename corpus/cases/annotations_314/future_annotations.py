# jpyc: feature PEP 563 stringized annotations next to PEP 649: module, class, conditional, function parameters
from __future__ import annotations

import typing

x: int = 1
y: typing.List[str]
if x:
    z: dict[str, int] = {}
obj = type("O", (), {})()
obj.attr: int = 2


def f(a: int, *args: str, b: "quoted" = None, **kw: float) -> typing.Optional[int]:
    loc: int = 1
    return loc


class C:
    a: int
    if x:
        b: str = "b"

    def m(self, v: C) -> C:
        return v


async def g(p: list[int]) -> None:
    q: dict = {}
