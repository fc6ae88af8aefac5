# jpyc: feature comprehensions inside try/except/with and exceptions escaping comprehensions
def safe_ints(values):
    try:
        return [int(v) for v in values]
    except ValueError:
        return [int(v) for v in values if v.isdigit()]
    finally:
        print({v for v in values})


def comprehension_in_handler(err_list):
    try:
        raise ExceptionGroup("g", [ValueError(1), ValueError(2)]) if False else KeyError("k")
    except KeyError as exc:
        return [str(exc) for _ in err_list]


def in_with(path):
    with open(path) as fh:
        return {n: line for n, line in enumerate(fh)}
