# jpyc: feature two generator expressions that start on the same line with elements on other lines (3.10: equal code objects but for lines are one constant)
def same(self, other):
    return dict((k.lower(), v) for k, v in self.items()) == dict(
        (k.lower(), v) for k, v in other.items()
    )


def nested():
    f = lambda x=lambda y=lambda z=1: z: y(): x()
    g = lambda a=lambda b=2: b: a()
    return f, g
