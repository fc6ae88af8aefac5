# jpyc: versions >=3.10
# jpyc: feature a nested match whose failing cases jump to the outer case's jump to a small exit block (3.10: extend_block copies it before optimize_cfg, so no jump threading)
def f(s, n):
    match s:
        case 1:
            match n:
                case 2:
                    s = None
    return None
def g(s, n):
    match s:
        case 1:
            match n:
                case 2 if s:
                    s = None
    return None
def h(s, n):
    match s:
        case 1:
            match n:
                case 2:
                    s = None
                case 3:
                    s = None
    return None
def f2(s, n):
    match s:
        case 1:
            match n:
                case 2:
                    s = None
    s = 3
    return s
