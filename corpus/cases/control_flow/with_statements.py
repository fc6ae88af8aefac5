# jpyc: feature with statements: single, multiple, nested, no target, tuple targets, attribute targets
import contextlib
import io
import threading

lock = threading.Lock()


class Holder:
    pass


def copy(src_text):
    with io.StringIO(src_text) as src, io.StringIO() as dst:
        dst.write(src.read())
        return dst.getvalue()


def locked(fn):
    with lock:
        return fn()


def tuple_target():
    with contextlib.nullcontext((1, 2)) as (a, b):
        return a + b


def attr_target():
    h = Holder()
    with contextlib.nullcontext(3) as h.value:
        pass
    with contextlib.nullcontext([0]) as lst, contextlib.nullcontext(9) as lst[0]:
        pass
    return h.value, lst


def nested():
    with contextlib.ExitStack() as stack:
        with contextlib.suppress(ZeroDivisionError):
            with contextlib.nullcontext():
                1 / 0
        return stack
