# jpyc: feature every parameter kind: positional-only, regular, *args, keyword-only, **kwargs
def all_kinds(a, b=1, /, c=2, *args, d, e=3, **kwargs):
    return a, b, c, args, d, e, kwargs


def posonly(a, b, /):
    return a + b


def posonly_defaults(a=1, b=2, /, c=3):
    return a, b, c


def kwonly(*, key, default=None):
    return key, default


def varargs_only(*args):
    return args


def varkw_only(**kw):
    return kw


def star_then_kw(*args, sep=" ", **rest):
    return sep.join(map(str, args)), rest


def no_params():
    return None


all_kinds(0, d=4)
all_kinds(0, 1, 2, 3, 4, d=5, e=6, f=7)
posonly(1, 2)
kwonly(key="k")
