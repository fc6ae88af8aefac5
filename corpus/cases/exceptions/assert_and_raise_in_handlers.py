# jpyc: feature assert and raise statements inside except/finally with -O variants
# jpyc: optimize 0,1
def strict(value):
    try:
        assert value > 0, "must be positive"
    except AssertionError:
        assert value == 0 or value < 0
        raise ValueError(value)
    finally:
        assert value is not None
    return value
