# jpyc: feature an inlined comprehension reading a name of the enclosing function: 3.15's symbol table marks that name used there (a local, a parameter, an import, an annotated local, a nonlocal declaration), not a global declaration or a class attribute
def outer():
    total = 0

    def add(items):
        nonlocal total
        return [item for item in items if total]

    def scan(limit):
        import os
        kept: list
        seen = set()
        return [n for n in range(limit) if n in seen and os and kept]

    def glob():
        global counter
        return [x for x in range(3) if counter]

    return add, scan, glob


class Table:
    width = 3
    cells = [c for c in range(9) if c]
