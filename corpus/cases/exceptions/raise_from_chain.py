# jpyc: feature raise from, exception chaining, exception variable cleanup
class DomainError(Exception):
    def __init__(self, msg, *, code=0):
        super().__init__(msg)
        self.code = code


def convert(raw):
    try:
        return int(raw)
    except ValueError as err:
        raise DomainError(f"cannot convert {raw!r}", code=1) from err
    except TypeError as err:
        raise DomainError("wrong type") from None


def use_name_after():
    e = "kept?"
    try:
        raise RuntimeError
    except RuntimeError as e:
        pass
    try:
        return e  # noqa: F821 -- deleted at the end of the except clause
    except NameError:
        return "deleted"


def reraise_other():
    try:
        convert("x")
    except DomainError as exc:
        cause = exc.__cause__
        raise RuntimeError(cause) from exc
