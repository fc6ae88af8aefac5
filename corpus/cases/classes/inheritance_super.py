# jpyc: feature inheritance, zero-argument super() (__class__ cell), multiple inheritance
class Base:
    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"Base {self.name}"


class Mixin:
    def describe(self):
        return "Mixin+" + super().describe()


class Child(Mixin, Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra

    def describe(self):
        base = super().describe()
        return f"{base} / {self.extra}"

    def uses_class_cell(self):
        return __class__.__name__

    def super_with_args(self):
        return super(Child, self).describe()

    @classmethod
    def make(cls):
        return super().__new__(cls)
