# jpyc: feature 'except E as name' when name is a global, a cell, or nonlocal
err = None


def as_global():
    global err
    try:
        1 / 0
    except ZeroDivisionError as err:
        pass


def as_cell():
    try:
        raise KeyError("x")
    except KeyError as e:
        show = lambda: e
        return show()


def as_nonlocal():
    caught = None

    def inner():
        nonlocal caught
        try:
            [].pop()
        except IndexError as caught:
            return "ok"

    return inner()
