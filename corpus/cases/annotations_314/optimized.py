# jpyc: feature PEP 649 annotations with docstrings and asserts at -O and -OO
# jpyc: optimize 0,1,2
"""Module docstring."""

count: int = 0
assert count == 0, "start"


def documented(a: int, b: "str" = "") -> int:
    """Function docstring."""
    assert a >= 0
    total: int = a
    return total


class Documented:
    """Class docstring."""

    field: int = 1
    if __debug__:
        debug_only: str = "yes"

    def method(self, x: float) -> float:
        """Method docstring."""
        return x
