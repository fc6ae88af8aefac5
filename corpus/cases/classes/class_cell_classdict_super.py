# jpyc: versions >=3.12
# jpyc: feature class scopes: __class__ cell from super() and __class__, __classdict__ from annotations and type params in class bodies, nested classes
class Base:
    def hello(self):
        return "base"


class Child(Base):
    attr: int = 1

    def hello(self):
        return super().hello() + "child"

    def cls(self):
        return __class__

    @classmethod
    def make(cls):
        return super().__new__(cls)

    @staticmethod
    def static():
        return __class__.__name__

    def inner(self):
        def f():
            return super(Child, self).hello()
        return [super().hello() for _ in range(1)], f


class Generic[T](Base):
    x: T
    type Alias = list[T]

    def get(self) -> T:
        return super().hello()

    class Nested[U]:
        y: U

        def m(self):
            return __class__, U


class Scoped:
    v = 1
    w = [v for _ in range(2)]

    def uses(self):
        return v

    __class__ = "shadowed"
