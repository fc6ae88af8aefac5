# jpyc: feature recursive functions, generator functions with try/finally, generator close
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def flatten(tree):
    for node in tree:
        if isinstance(node, list):
            yield from flatten(node)
        else:
            yield node


def managed(resource):
    try:
        while True:
            item = yield resource
            if item is None:
                return "stopped"
            resource = item
    finally:
        print("cleanup", resource)


def gen_with_return_value():
    yield 1
    return 2


def mutual_a(n):
    return n and mutual_b(n - 1)


def mutual_b(n):
    return n and mutual_a(n - 1)
