# jpyc: expect SyntaxError
# jpyc: feature a keyword pattern naming __debug__ (3.14: the symbol table raises it at the pattern, check_kwd_patterns; before, the compiler at the pattern too)

match x:
    case C(a, __debug__=[y]):
        pass
