# jpyc: expect SyntaxError
# jpyc: feature a compiler error ('break' outside loop) before a store to __debug__: from 3.14 the symbol table, which runs over the whole module before code generation, reports the store; before, the compiler reports the break first

def f():
    break

def g():
    for __debug__ in range(3):
        pass
