# jpyc: versions >=3.11
# jpyc: feature nested except* inside loops, functions and plain try
def nested(groups):
    handled = 0
    for g in groups:
        try:
            try:
                raise g
            except* ZeroDivisionError:
                handled += 1
            except* ArithmeticError as arith:
                handled += len(arith.exceptions)
        except ExceptionGroup as rest:
            handled -= len(rest.exceptions)
        except Exception:
            continue
    return handled


class Collector:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def collect(self):
        with self:
            try:
                pass
            except* (ValueError, TypeError):
                self.caught = True
        return getattr(self, "caught", False)
