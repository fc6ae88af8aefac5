# jpyc: feature decorators: plain, called, stacked, attribute, PEP 614 arbitrary expressions
import functools


def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("call", fn.__name__)
        return fn(*args, **kwargs)
    return wrapper


def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco


registry = {"hooks": [trace]}


@trace
def one():
    return 1


@repeat(3)
@trace
def many(x):
    return x


@functools.lru_cache(maxsize=128)
def cached(n):
    return n * n


@registry["hooks"][0]
def subscripted():
    return 2


@(lambda fn: fn)
def lambda_decorated():
    return 3


@trace if True else repeat(2)
def conditional_decorated():
    return 4
