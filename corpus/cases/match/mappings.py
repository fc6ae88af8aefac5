# jpyc: versions >=3.10
# jpyc: feature mapping patterns with rest captures and nested values
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return ("click", x, y)
        case {"type": "key", "key": str(k), **rest} if not rest:
            return ("key", k)
        case {"type": "key", **rest}:
            return ("key+", sorted(rest))
        case {"type": "scroll", "delta": int() | float() as d}:
            return ("scroll", d)
        case {1: one, "two": [*twos], None: _}:
            return (one, twos)
        case {}:
            return "any mapping"
        case _:
            return None
