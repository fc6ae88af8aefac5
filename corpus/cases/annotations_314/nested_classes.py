# jpyc: feature PEP 649 annotations of classes nested in functions and classes, private names, closures in annotations
import typing

T = typing.TypeVar("T")


def factory(kind: type):
    class Local:
        value: kind
        count: int = 0
        if kind:
            extra: typing.Optional[kind] = None

        def get(self) -> kind:
            return self.value

    return Local


class Outer:
    __secret: int = 1
    _single: str

    class Inner:
        __hidden: "Outer"
        ref: typing.ClassVar[int] = 0

        def method(self, __p: int) -> "Outer.Inner":
            return self

    def use(self) -> Inner:
        return self.Inner()


def closure():
    captured = int

    class C:
        field: captured
        other: list[captured] = []

    def f(a: captured) -> captured:
        return a

    return C, f
