# jpyc: versions >=3.10
# jpyc: feature class patterns with positional and keyword sub-patterns and wildcards, mappings with wildcard values and **rest
class Point:
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z=0):
        self.x, self.y, self.z = x, y, z


def where(p):
    match p:
        case Point(0, _, z=0):
            return "on the y axis"
        case Point(_, 0, z=zz) if zz:
            return f"raised {zz}"
        case Point(x, y, z=_) as q:
            return x, y, q
        case {"kind": "point", "x": _, "y": y, **rest}:
            return y, rest
        case {"a": 1, "b": [_, *tail]}:
            return tail
        case {}:
            return "mapping"
    return None
