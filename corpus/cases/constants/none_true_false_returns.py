# jpyc: feature implicit return None, explicit return constants, functions with no constants
def implicit():
    pass


def explicit_none():
    return None


def returns_true():
    return True


def only_name(x):
    return x


def docstring_only():
    "just a docstring"


def docstring_and_return():
    "doc"
    return 1


def empty_tuple():
    return ()


def ellipsis_only():
    ...
