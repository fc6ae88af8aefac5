# jpyc: feature global and nonlocal declarations, cells and free variables
counter = 0
registry = {}


def bump():
    global counter
    counter += 1
    return counter


def register(name):
    global registry, counter
    registry[name] = counter
    counter = counter + 1


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = 0

    return inc, reset


def outer():
    x = 1

    def middle():
        def inner():
            nonlocal x
            x += 1
            global counter
            counter = x
            return x
        return inner

    return middle()()


def global_in_class():
    class C:
        global counter
        counter = 100
    return C
