# jpyc: versions >=3.12
# jpyc: feature bounds and alias values that refer to names defined later (lazy evaluation)
type Later = Undefined | int


class Forward[T: AlsoLater]:
    pass


def fn[T: (A, B)](x: T) -> T:
    return x


class A:
    pass


class B:
    pass


class Undefined:
    pass


AlsoLater = A
