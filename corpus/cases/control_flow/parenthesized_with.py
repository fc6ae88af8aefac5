# jpyc: versions >=3.10
# jpyc: feature parenthesized context managers (3.10) over several lines with trailing comma
import contextlib


def multi():
    with (
        contextlib.nullcontext(1) as a,
        contextlib.nullcontext(2) as b,
        contextlib.nullcontext(3),
    ):
        result = a + b
    with (contextlib.nullcontext(4) as c, contextlib.nullcontext(5) as d):
        result += c + d
    with (contextlib.nullcontext(6)):
        pass
    with (contextlib.nullcontext(7)) as e:
        result += e
    with (
        open(__file__) as fh
    ):
        result += len(fh.readline())
    return result
