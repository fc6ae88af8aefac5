# jpyc: feature long function bodies forcing wide jump offsets (EXTENDED_ARG)
def long_branches(x):
    if x:
        a = [x, x + 1, x + 2, x + 3, x + 4, x + 5, x + 6, x + 7, x + 8, x + 9]
        b = [v * 2 for v in a]
        c = {v: str(v) for v in b}
        d = sum(a) + sum(b) + len(c)
        e = [d, d, d, d, d, d, d, d, d, d, d, d, d, d, d, d, d, d, d, d, d, d]
        f = [e[0] + e[1] + e[2] + e[3] + e[4] + e[5] + e[6] + e[7] + e[8] + e[9]]
        g = (a, b, c, d, e, f, a, b, c, d, e, f, a, b, c, d, e, f, a, b, c, d)
        h = [str(v) + str(w) for v in range(3) for w in range(3) if v != w]
        i = x * 1 + x * 2 + x * 3 + x * 4 + x * 5 + x * 6 + x * 7 + x * 8 + x * 9
        j = [i, i - 1, i - 2, i - 3, i - 4, i - 5, i - 6, i - 7, i - 8, i - 9]
        k = print(a, b, c, d, e, f, g, h, i, j, sep="", end="", file=None, flush=False)
        m = [x.bit_length(), x.real, x.imag, x.numerator, x.denominator, x.conjugate()]
        n = {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f, "g": g, "h": h, "i": i}
        o = [n[key] for key in sorted(n) if key not in ("a", "b") and key < "h"]
        p = (o, m, k, j, i, h, g, f, e, d, c, b, a, o, m, k, j, i, h, g, f, e, d)
        q = x + x - x * x / (x or 1) // (x or 1) % (x or 1) ** 2 << 1 >> 1 & x | x ^ x
        r = [p, q, p, q, p, q, p, q, p, q, p, q, p, q, p, q, p, q, p, q, p, q, p]
        return r
    else:
        return None
