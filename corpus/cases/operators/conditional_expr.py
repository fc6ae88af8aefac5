# jpyc: feature conditional expressions nested, in arguments, in comprehensions and with walrus
def sign(x):
    return 1 if x > 0 else -1 if x < 0 else 0


def fmt(x):
    return str(x) if isinstance(x, int) else repr(x) if x is not None else "-"


vals = [sign(v) if v else "z" for v in (-2, 0, 3)]
msg = print("even" if len(vals) % 2 == 0 else "odd")
nested = (a if (a := 3) else 0) if vals else None
call = max(1 if vals else 2, 3 if not vals else 4)
