# jpyc: feature operator precedence and associativity in a single expression tree
def prec(a, b, c, d):
    r1 = a + b * c ** d
    r2 = (a + b) * c ** -d
    r3 = a ** b ** c
    r4 = -a ** b
    r5 = a | b ^ c & d << 1 >> 1
    r6 = not a == b or c and not d
    r7 = a if b else c if d else a
    r8 = lambda: a or b and c
    r9 = a < b == c > d
    r10 = ~a + -b * +c
    return r1, r2, r3, r4, r5, r6, r7, r8, r9, r10
