# jpyc: expect SyntaxError
# jpyc: feature an annotated assignment to __debug__: from 3.14 the symbol table raises it at the target (check_name), before only the compiler did, at the statement

__debug__: int = 1
