# jpyc: versions >=3.10
# jpyc: feature match with only wildcard/capture cases and no case matching
def only_wildcard(x):
    match x:
        case _:
            pass


def only_capture(x):
    match x:
        case y:
            return y


def no_match(x):
    result = "fallthrough"
    match x:
        case 1:
            result = "one"
        case "a" | "b":
            result = "letter"
    return result


def match_expression_subject(a, b):
    match a, b:
        case 1, 2:
            return 3
        case x, *y:
            return x, y
    match (a,):
        case (a,):
            return a
