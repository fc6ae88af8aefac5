# jpyc: versions >=3.10
# jpyc: feature sequence patterns with star, nesting and guards
def parse(command):
    match command.split():
        case []:
            return "empty"
        case ["go", direction]:
            return f"go {direction}"
        case ["go", *_]:
            return "go where?"
        case ["pick", "up", item] | ["take", item]:
            return f"take {item}"
        case ["drop", *items] if items:
            return f"drop {len(items)}"
        case [first, *middle, last] if len(middle) > 2:
            return (first, middle, last)
        case (a, b):
            return a + b
        case [[x, y], [z]]:
            return x, y, z
        case _:
            return "unknown"


def tuples(point):
    match point:
        case (0, 0):
            return "origin"
        case (0, y) | (y, 0):
            return f"axis {y}"
        case (x, y, *rest) if not rest:
            return f"{x},{y}"
