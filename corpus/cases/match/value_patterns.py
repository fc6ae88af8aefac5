# jpyc: versions >=3.10
# jpyc: feature dotted value patterns, negative numbers, complex and string concatenation
import http
import math


def status(code):
    match code:
        case http.HTTPStatus.OK:
            return "ok"
        case http.HTTPStatus.NOT_FOUND | http.HTTPStatus.GONE:
            return "missing"
        case math.pi:
            return "pi"
        case -0.5 | -1j | -1 - 1j | 1 + 0j:
            return "numeric"
        case "ab" "cd":
            return "concatenated"
        case b"x" b"y":
            return "bytes"
        case False | None:
            return "singleton"
    return "?"
