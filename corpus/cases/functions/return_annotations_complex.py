# jpyc: feature complex annotation expressions: subscripts, calls, attribute chains, strings
import collections.abc
import typing


def f(
    a: typing.Dict[str, typing.List[int]],
    b: collections.abc.Callable[[int, str], None],
    c: "typing.Optional[f]" = None,
    *,
    d: int | str | None = None,
    e: typing.Annotated[int, "meta", 3] = 0,
) -> tuple[int, ...] | list[typing.Any]:
    return ()


def g(x: (lambda: int)(), y: [int, str][0] = 1) -> {"ret": 1}["ret"]:
    return y
