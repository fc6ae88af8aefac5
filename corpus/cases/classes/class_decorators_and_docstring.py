# jpyc: feature class decorators, class docstring, __qualname__/__module__ handling
import functools


def register(cls):
    register.seen.append(cls.__qualname__)
    return cls


register.seen = []


@register
@functools.total_ordering
class Version:
    """Semantic version.

    Compares by (major, minor, patch).
    """

    def __init__(self, major, minor=0, patch=0):
        self.parts = (major, minor, patch)

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts


@register
class Empty:
    "single-line docstring"
