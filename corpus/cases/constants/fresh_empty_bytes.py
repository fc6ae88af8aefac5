# jpyc: feature an empty bytes folded from b'a' * 0 is a new object (bytes_repeat allocates it): the constant cache then gives it to the empty exception and line tables merged after it, while a unit without locals keeps the runtime's empty bytes as co_localspluskinds
# jpyc: optimize 0,1,2
unused = (b'keep' if 2 ** 10 // 3 else b'a' * 0)


def no_locals():
    return 127


def one_local(a):
    return a


once = b'xy' * 0
twice = (b'q' * 0, b'' * 5, b'')


class Plain:
    value = b'z' * -1

    def method(self):
        return b'', b'r' * 0
