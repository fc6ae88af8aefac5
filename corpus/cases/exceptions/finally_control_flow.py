# jpyc: feature break/continue/return crossing finally blocks, nested finally
def loop_with_finally(items):
    out = []
    for item in items:
        try:
            if item is None:
                continue
            if item == "stop":
                break
            out.append(item)
        finally:
            out.append("|")
    return out


def return_through_finally(x):
    try:
        try:
            return x * 2
        finally:
            x += 1
    finally:
        print("outer finally", x)


def nested_handlers():
    try:
        try:
            raise KeyError("k")
        except KeyError:
            raise ValueError("v")
        finally:
            print("inner")
    except ValueError as e:
        return repr(e.__context__)
