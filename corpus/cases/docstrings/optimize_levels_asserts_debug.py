# jpyc: feature docstrings, asserts and __debug__ under -O and -OO: removed docstrings, stripped asserts, __debug__ folded, if __debug__ blocks dropped, docstring-like strings that are not docstrings
# jpyc: optimize 0,1,2
"""Module docstring."""


def f(x):
    """Function docstring."""
    assert x, "message"
    assert isinstance(x, int), f"bad {x!r}"
    if __debug__:
        print("debug")
    if not __debug__:
        print("optimized")
    return __debug__


class C:
    """Class docstring."""

    def m(self):
        "single quoted docstring"
        return 1

    def n(self):
        x = 1
        "not a docstring"
        return x


def only_doc():
    """Only a docstring."""


async def agen():
    """Async docstring."""
    assert await x
    yield


lam = lambda: "not a docstring"
debug = __debug__ and 1
while __debug__:
    break
