# jpyc: versions >=3.14
# jpyc: feature PEP 758: except and except* without parentheses around several types
def parse(text):
    try:
        return int(text)
    except ValueError, TypeError:
        return None


def group():
    try:
        raise ExceptionGroup("g", [KeyError()])
    except* KeyError, IndexError:
        kind = "lookup"
    return kind


def mixed(x):
    try:
        return x[0]
    except IndexError, KeyError:
        return "missing"
    except (TypeError, AttributeError) as e:
        return e
