# jpyc: feature folded repeats and concatenations that return an operand itself (bytes_repeat and tuple_repeat when the size does not change, unicode_repeat by 1, the concat shortcuts with an empty side): a new empty bytes stays that new object, not the runtime's empty bytes
# jpyc: optimize 0,1,2
fresh_then_repeated = (0 * b'a') * 4096
fresh_plus_empty = b'' + (b'q' * 0)
empty_plus_fresh = (b'r' * 0) + b''
once = b'xy' * 1
same_str = 'ab' * 1
same_tuple = (1, 2) * 1
empty_tuple = () * 5
joined = ('a',) + ()


def no_locals():
    return 1


class Holder:
    items = (b's' * 0) * 2
