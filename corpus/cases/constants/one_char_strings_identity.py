# jpyc: feature one-character str constants and their identity: 3.12 interns only name characters and what its startup interned, and some of those ('a', 'r', 'x', ...) as other objects than the runtime's singletons, so interning rebuilds a frozenset holding them; 3.13+ interns every Latin-1 singleton
# jpyc: optimize 0,1,2
def keys(s):
    return s.isdisjoint({'x', 'y', 'z'}), s.isdisjoint(['x', 'y', 'z'])


def items(s):
    return s.isdisjoint({'x', 'y', 'z'})


def modes(path):
    return open(path, 'r'), path in {'r', 'w', 'a'}, ('r', 'w')


def others():
    return ('*', '.', '-', ' ', '\xe9', '\xff', '', 'q', '_'), {'.', ',', ';'}, {'.', ',', ';'}


def twice():
    return {'a', 'b', 'n'}, ('a', 'b')


def again():
    return {'a', 'b', 'n'}
