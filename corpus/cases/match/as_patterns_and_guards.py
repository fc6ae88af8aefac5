# jpyc: versions >=3.10
# jpyc: feature as-patterns, guards with side effects, match as soft keyword
match = [1, 2]
case = "case"
_ = match[0]


def soft_keywords(match, case):
    match match:
        case [case, *_] as whole if (n := len(whole)) > 1:
            return case, n
        case (1 | 2) as small:
            return small
        case [[_, _] as pair, *_]:
            return pair
    return None


def guard_fallthrough(value):
    seen = []
    match value:
        case int(v) if seen.append(v) or v > 10:
            return "big"
        case int(v) if v < 0:
            return "neg"
        case int():
            return seen
