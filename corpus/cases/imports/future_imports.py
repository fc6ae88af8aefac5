# jpyc: feature several __future__ imports, after docstring and comments
"""Module docstring before the future imports."""
# a comment
from __future__ import annotations
from __future__ import (division, absolute_import, print_function, unicode_literals,
                        generators, nested_scopes, with_statement, generator_stop)


def f(x: SomeType) -> OtherType:
    return x / 2
