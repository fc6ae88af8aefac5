# jpyc: feature every binary operator on variables (no folding)
def binops(a, b):
    return (
        a + b, a - b, a * b, a / b, a // b, a % b, a ** b,
        a << b, a >> b, a & b, a | b, a ^ b,
    )


def matmul(m, n):
    return m @ n


def mixed(a, b, c):
    return a + b * c - a / b ** c % a // b
