# jpyc: feature assert with and without message, under -O and -OO
# jpyc: optimize 0,1,2
def check(value, limit=10):
    assert value is not None
    assert value >= 0, "negative"
    assert value < limit, f"{value} is not below {limit}"
    assert isinstance(value, int), (
        "multi-line"
        " message"
    )
    return value


def nested(seq):
    for i, v in enumerate(seq):
        assert v == seq[i], i
        if v:
            assert all(x for x in seq[:i + 1] if x is not None) or True
    return len(seq)


assert check(3) == 3
assert nested([1, 2, 3]) == 3, "nested"
assert not __debug__ or check(1)
