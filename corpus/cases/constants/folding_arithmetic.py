# jpyc: feature constant folding of arithmetic, bitwise, power, unary, and limits on folding size
SECONDS_PER_DAY = 24 * 60 * 60
MASK = (1 << 32) - 1
NEG = -(2 ** 10)
FLOATDIV = 7 / 2
FLOORDIV = -7 // 2
MOD = -7 % 3
POW_NEG = 2 ** -1
BIG_POW = 2 ** 64
NO_FOLD_POW = 2 ** 200000 if False else 0
SHIFT = 1 << 100
NO_FOLD_SHIFT = 1 << 5000 if False else 0
BITS = 0xF0 | 0x0F & 0x3C ^ 0xFF
INV = ~0xFF
MIXED = 1 + 2.5 * 3 - 1j
DIV_ZERO_NOT_FOLDED = (lambda: 1 / 0)
BOOL_MATH = True + True * 3
