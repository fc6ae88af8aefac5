# jpyc: versions >=3.14
# jpyc: feature PEP 750 template strings unparsed as PEP 563 string annotations (ast_unparse of t-strings)
from __future__ import annotations

x: t"{a}"
y: t"a{ {1: 2} }b{c!s:{d}x}" = 1
z: t""
w: t"{(lambda: 1)}"
v: t"{x}" t"{y}" t"tail"
u: t"{ x = }" t"'\"{x!r}"


def f(p: t"{p=}") -> t"x{y:{z}}":
    pass


class C:
    a: t"{b!a:<{c}.{d}}"
