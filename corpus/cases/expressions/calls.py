# jpyc: feature call forms: positional, keyword, star, double-star, mixed, method calls
import functools


def target(*args, **kwargs):
    return args, kwargs


args = (1, 2)
more = [3]
kw = {"a": 1}
extra = {"b": 2}

target()
target(1)
target(1, 2, 3)
target(x=1)
target(1, y=2)
target(*args)
target(*args, *more)
target(0, *args, 4, *more)
target(**kw)
target(**kw, **extra)
target(1, *args, z=3, **kw)
target(*args, k=1, *more, **extra)
target(**kw, c=3)
target(*[], **{})
obj = functools.partial(target, 1)
obj.func(2)
obj.func(*args, **kw)
"sep".join(["a", "b"])
(lambda *a: a)(1, 2)
target(i for i in range(3))
target(
    1,
    2,
    key=(
        3
    ),
)
print(*range(3), sep=", ", end="\n")
getattr(obj, "func")(*(1,), **{"q": 0})
