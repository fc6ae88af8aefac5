# jpyc: feature a tuple unpacked into one name twice (3.11.3's apply_static_swaps reorders the two stores and drops the SWAP; 3.12 keeps it)
def first_and_last(a, b, c):
    _, _ = a(), b()
    x, y, x = a(), b(), c()
    return _, x, y


_, _ = 1, 2
