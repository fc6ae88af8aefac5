# jpyc: feature a finally body or a loop whose last statement is a constant expression (3.11: the line the re-raise keeps)
def generator_function():
    try:
        yield True
        "continued"
    finally:
        "finally"


def plain(x):
    try:
        x()
    finally:
        x.close()
        ...
