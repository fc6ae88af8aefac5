# jpyc: feature nested classes, classes in functions with closures, class cells
def make_class(base_value):
    class Local:
        value = base_value

        def get(self):
            return base_value

        class Inner:
            def get_outer(self):
                return base_value

        def with_super(self):
            return super().__repr__()
    return Local


class Outer:
    x = 1

    class Middle:
        y = 2

        class Innermost:
            z = 3

            def all(self):
                return Outer.x, Outer.Middle.y, self.z

    def comprehension_scope(self):
        return [self.x for _ in range(2)]

    z = [x for x in range(3)]
    w = (lambda: x)
