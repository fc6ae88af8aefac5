# jpyc: optimize 0,1,2
# jpyc: feature module/function/class/method docstrings and their removal with -OO
"""Module docstring.

Spans several lines and is removed under -OO.
"""


def documented(x):
    """Return x doubled."""
    return x * 2


def multi_line():
    """Summary line.

        Indented details that CPython 3.13+ dedents (compile-time docstring cleanup).
    Last line.
    """


class Documented:
    """Class docstring."""

    def method(self):
        """Method docstring."""
        return self

    async def amethod(self):
        """Async method docstring."""

    @property
    def prop(self):
        """Property docstring."""
        return 1
