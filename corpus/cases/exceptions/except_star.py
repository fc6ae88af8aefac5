# jpyc: versions >=3.11
# jpyc: feature except* with ExceptionGroup, multiple handlers, else/finally
def run(tasks):
    errors = []
    try:
        raise ExceptionGroup("batch", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as eg:
        errors.extend(eg.exceptions)
    except* (TypeError, KeyError) as eg:
        errors.append(len(eg.exceptions))
    else:
        errors.append("none")
    finally:
        errors.append("end")
    return errors


def reraise():
    try:
        raise ExceptionGroup("g", [OSError("disk")])
    except* OSError:
        raise
    except* Exception as group:
        raise RuntimeError("wrapped") from group
