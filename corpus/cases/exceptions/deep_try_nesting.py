# jpyc: feature try statements nested several levels, handlers at each level
def deep(x):
    try:
        try:
            try:
                try:
                    return 10 // x
                except ZeroDivisionError:
                    x = 1
                    raise
                finally:
                    x += 1
            except ArithmeticError:
                try:
                    return int("nope")
                except ValueError as inner:
                    raise LookupError from inner
        except LookupError:
            return -x
        else:
            return 0
    finally:
        pass
