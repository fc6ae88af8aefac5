# jpyc: feature the same constants used many times across code objects (consts dedup, refs)
NAME = "shared"
DATA = (1, 2, 3)


def a():
    return "shared", (1, 2, 3), 1.5, None, b"bytes"


def b():
    return "shared", (1, 2, 3), 1.5, None, b"bytes"


def c(x="shared", y=(1, 2, 3)):
    return [x, y, "shared", 1.5, 1.5]


class D:
    k = "shared"
    t = (1, 2, 3)

    def m(self):
        return "shared" * 2, (1, 2, 3) * 2
