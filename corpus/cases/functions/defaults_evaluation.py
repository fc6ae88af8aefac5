# jpyc: feature default values: constants, expressions, mutable, kw-only defaults, evaluation order
import time

LIMIT = 10


def constant_defaults(a=1, b="s", c=None, d=(1, 2), e=-1, f=1.5, g=b"x"):
    return a, b, c, d, e, f, g


def expr_defaults(a=LIMIT * 2, b=[], c={}, d=time.time, e=len("abc")):
    b.append(a)
    return b


def kw_defaults(*, x=LIMIT, y=[LIMIT], z):
    return x, y, z


def mixed(a, b=LIMIT, *, c=LIMIT + 1, d):
    return a, b, c, d


def only_kw_defaults_some(*, first, second=2, third, fourth=4):
    return first, second, third, fourth
