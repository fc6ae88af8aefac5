# jpyc: feature PEP 649 module annotations: simple, with values, complex targets, docstring, conditional ones
"""A module whose annotations are deferred to __annotate__ (3.14)."""
import typing

counter: int = 0
name: str
items: typing.List[int] = []
(paren): float = 1.5
items[0:0]: list = [1]
typing.attr: int
obj = type("O", (), {})()
obj.field: "forward" = None
items[counter]: int
items[1:2, ::3]: str


def later() -> None:
    global counter
    counter += 1


if counter:
    maybe: bytes = b""
else:
    other: complex


class Holder:
    inner: typing.Any
