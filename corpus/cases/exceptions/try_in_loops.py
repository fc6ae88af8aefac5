# jpyc: feature try blocks inside loops with break/continue in handlers and else
def retry(op, attempts=3):
    last = None
    for attempt in range(attempts):
        try:
            result = op(attempt)
        except TimeoutError as e:
            last = e
            continue
        except OSError:
            break
        else:
            return result
        finally:
            print("attempt", attempt)
    else:
        raise RuntimeError("exhausted") from last
    return None


def while_try(queue):
    while queue:
        item = queue.pop()
        try:
            if not item:
                raise ValueError
        except ValueError:
            if len(queue) < 2:
                break
            continue
        print(item)
