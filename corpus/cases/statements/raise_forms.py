# jpyc: feature raise, raise X, raise X from Y, raise from None, bare re-raise
class AppError(Exception):
    pass


def bare():
    try:
        1 / 0
    except ZeroDivisionError:
        raise


def with_cause(value):
    try:
        return int(value)
    except ValueError as exc:
        raise AppError(f"bad value {value!r}") from exc


def suppress(value):
    try:
        return {}[value]
    except KeyError:
        raise AppError("missing") from None


def class_raise(flag):
    if flag:
        raise AppError
    raise AppError() from ValueError


def conditional(x):
    raise (TypeError if x else ValueError)("msg")
