# jpyc: versions >=3.10
# jpyc: expect SyntaxError
# jpyc: feature name capture makes remaining patterns unreachable
def f(v):
    match v:
        case x:
            return x
        case 1:
            return 1
