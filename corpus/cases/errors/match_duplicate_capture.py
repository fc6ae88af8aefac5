# jpyc: versions >=3.10
# jpyc: expect SyntaxError
# jpyc: feature multiple assignments to the same name in one pattern
match (1, 2):
    case (a, a):
        pass
