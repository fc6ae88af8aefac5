# jpyc: versions >=3.10
# jpyc: feature match statements nested in loops, try blocks and other matches
def evaluate(tree):
    match tree:
        case ("num", value):
            return value
        case ("neg", inner):
            return -evaluate(inner)
        case (op, left, right):
            lv, rv = evaluate(left), evaluate(right)
            match op:
                case "+":
                    return lv + rv
                case "-":
                    return lv - rv
                case "*":
                    return lv * rv
                case "/":
                    try:
                        return lv / rv
                    except ZeroDivisionError:
                        return float("nan")
            raise ValueError(op)
    raise TypeError(tree)


def run(items):
    out = []
    for item in items:
        match item:
            case None:
                continue
            case "stop":
                break
            case _:
                out.append(evaluate(item))
    else:
        out.append("done")
    return out
