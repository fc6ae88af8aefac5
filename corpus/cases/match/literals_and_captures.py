# jpyc: versions >=3.10
# jpyc: feature match on literal, capture, wildcard, value and or-patterns
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5 | 2j | -3 + 4j:
            return "numberish"
        case "hello" | b"bytes":
            return "greeting"
        case None:
            return "none"
        case True:
            return "true"
        case Color.RED:
            return "red"
        case Color.GREEN | Color.RED:
            return "unreachable-ish"
        case other:
            return f"other {other!r}"
