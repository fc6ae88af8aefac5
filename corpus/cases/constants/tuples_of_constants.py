# jpyc: feature tuples and frozensets of constants, nested constant tuples as defaults and in loops
def defaults(a=(1, 2, 3), b=((1, "a"), (2.0, b"b"), (None, True)), c=()):
    return a, b, c


for item in (1, 2, 3):
    pass
for item in [4, 5, 6]:
    pass
for item in {7, 8, 9}:
    pass
if "x" in ("x", "y"):
    pass
if "x" in ["x", "y"]:
    pass
if "x" in {"x", "y"}:
    pass
big_const_list = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
big_const_set = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
mixed_set = {1, 1.0, True, "1", b"1", (1,), None}
nested = (((((1,),),),),)
