# jpyc: versions >=3.11
# jpyc: feature try/except* with return, break and continue in finally and in try bodies; nested except* and except groups with names
def in_finally():
    for i in range(3):
        try:
            raise ExceptionGroup("g", [ValueError(i)])
        except* ValueError as eg:
            pass
        finally:
            if i == 1:
                continue
            if i == 2:
                break
    return i


def return_from_try():
    try:
        return f()
    except* (TypeError, KeyError) as e:
        log(e)
    except* OSError:
        pass
    else:
        return 2
    finally:
        cleanup()


def nested(items):
    while items:
        try:
            try:
                items.pop()
            except* ValueError as inner:
                raise RuntimeError from inner
        except* RuntimeError:
            items = None
        finally:
            if not items:
                return "empty"
    return "done"


def finally_return():
    try:
        pass
    finally:
        return 1
