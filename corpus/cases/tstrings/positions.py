# jpyc: versions >=3.14
# jpyc: feature PEP 750 template strings in every position: arguments, defaults, decorators, class bodies, lambdas, comprehensions, match, with, yield, await, subscripts, f-string fields
import contextlib

name = "n"
value = 3


def deco(x):
    return lambda f: f


@deco(t"deco {name}")
def f(a=t"default {value:>4}", *, b=t"{name!r}"):
    return t"ret {a} {b}"


class K:
    attr = t"class {name}"
    items = [t"{i}" for i in range(3)]
    pairs = {t"{k}": t"{v!s}" for k, v in {"a": 1}.items()}

    def method(self):
        return t"{self.attr} {__class__}"


g = lambda x=value: t"lambda {x=}"
data = {t"key {name}": 1}
lookup = data[t"key {name}"] if False else None
print(t"call {name}", sep=t"{value}")
joined = f"{t'{name}'!r}"


def gen():
    yield t"yield {name}"
    received = yield
    return t"{received}"


async def co(aw):
    return t"await {await aw}"


match value:
    case 3 if t"{value}":
        matched = t"case {value!a:{name}}"
    case _:
        matched = None

with contextlib.nullcontext(t"with {name}") as ctx:
    inside = t"{ctx}"

many = t"{name}{value}{name}{value}{name}{value}{name}{value}{name}{value}{name}{value}{name}{value}{name}{value}{name}{value}{name}{value}{name}{value}{name}{value}{name}{value}{name}{value}{name}{value}{name}{value}{name}"
nested = t"{t'{t"{name}"}'}"
spec = t"{value:{t'{name}'}}"
