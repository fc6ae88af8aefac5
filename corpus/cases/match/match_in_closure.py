# jpyc: versions >=3.10
# jpyc: feature match captures that are cells (captured by inner functions) and globals
handler = None


def make(kind):
    match kind:
        case {"name": name, "args": [*args]}:
            def call():
                return name, args
            return call
        case [first, *others]:
            return lambda: (first, others)
        case str() as text:
            global handler
            match text:
                case handler:
                    pass
            return lambda: text
