# jpyc: feature constant folding of strings/bytes/tuples: concat, repeat, subscripts, limits
GREETING = "hello" + " " + "world"
LINE = "-" * 40
LONG = "x" * 5000
BYTES = b"ab" * 3 + b"c"
TUPLE = (1, 2) + (3,)
TUPLE_REP = (0,) * 10
INDEX = "abcdef"[2]
SLICE = "abcdef"[1:4]
TUPLE_INDEX = (10, 20, 30)[-1]
BYTES_INDEX = b"xyz"[0]
NEG_INDEX = "abc"[-1]
NESTED = ((1, 2), (3, 4))[1][0]
NOT_FOLDED = [1, 2] + [3]
STR_TIMES_NEG = "ab" * -1
EMPTY = "" * 100
