# jpyc: versions >=3.14
# jpyc: feature PEP 750 template strings inside annotations, deferred (PEP 649) and stringized (PEP 563)
name = "n"
x: t"{name}" = 1


def f(p: t"{p=}" = None) -> t"ret {name!r:>{name}}":
    q: t"local {p}" = p
    return q


class C:
    field: t"class {name}"
    if name:
        cond: t"{name}" t"{x}"
