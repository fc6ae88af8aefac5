# jpyc: feature with blocks that raise, suppress, and contain try/finally
import contextlib


@contextlib.contextmanager
def guard(name):
    try:
        yield name
    except KeyError:
        print("suppressed in", name)
    finally:
        print("leaving", name)


def work(data):
    with guard("outer") as g:
        with contextlib.suppress(IndexError), guard("inner"):
            data[10]
        try:
            return data[g]
        finally:
            data.clear()


def return_in_with(path):
    with open(path) as fh:
        for line in fh:
            if line.strip():
                return line
    return None
