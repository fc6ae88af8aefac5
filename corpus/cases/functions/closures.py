# jpyc: feature closures: cells for parameters and locals, cells shared, late binding
def make_adders(n):
    return [lambda x, i=i: x + i for i in range(n)]


def late_binding():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]


def param_cell(a, b, *args, c, **kw):
    def inner():
        return a, b, args, c, kw
    return inner


def shared_cell():
    value = []

    def push(x):
        value.append(x)

    def get():
        return value

    return push, get


def deep_free():
    x = 1

    def level1():
        def level2():
            def level3():
                return x
            return level3
        return level2
    return level1()()()


def cell_and_arg_same_name(x):
    x = x + 1
    return lambda: x
