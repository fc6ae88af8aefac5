# jpyc: feature constant slices folded by 3.14's flowgraph: a step other than 1 gives a new one-character str or one-byte bytes, not the runtime's singleton (no FLAG_REF unless shared)
# jpyc: optimize 0,1,2
every_other = b'xy'[::2]
middle = 'a-b'[1::2]
letter = 'ab'[::2]
reversed_pair = (b'pq'[::-2], 'uv'[::-2])
step_one = (b'xyz'[1:2], 'xy'[0:1])
whole = (b'xy'[:], 'xy'[:])
empty = (b'abc'[5::3], 'abc'[::-1][:0])


def shared():
    # the same folded value twice in one code object: one object, referenced twice
    return b'mn'[::2], b'mn'[::2], '+-+'[::2]


class Table:
    sep = '|-|'[::2]
    mark = b'#!'[1::2]
