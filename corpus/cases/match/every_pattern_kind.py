# jpyc: versions >=3.10
# jpyc: feature match with every pattern kind: literals, captures, wildcards, values, groups, sequences with stars, mappings with rest, classes with positional and keyword patterns, or-patterns binding names, as-patterns, guards
def classify(subject):
    match subject:
        case None | True | False:
            return "singleton"
        case 0 | 1.5 | -2 | 3 + 4j | "s" | b"b":
            return "literal"
        case Color.RED | mod.Color.GREEN:
            return "value"
        case []:
            return "empty"
        case [x]:
            return x
        case [1, 2, *rest] if rest:
            return rest
        case [*_, last]:
            return last
        case (a, b, *_, c):
            return a, b, c
        case {"k": v, **others}:
            return v, others
        case {1: _, "x": [y, *_]}:
            return y
        case Point(x=0, y=0):
            return "origin"
        case Point(px, py, z=(0 | 1) as pz):
            return px, py, pz
        case str() | bytes() as s:
            return s
        case [Point(x=a), Point(x=b)] | (a, b):
            return a, b
        case {"nested": {"deep": [int(n), *_]}} if n > 0:
            return n
        case ((inner)) if inner:
            return inner
        case _:
            return "other"
