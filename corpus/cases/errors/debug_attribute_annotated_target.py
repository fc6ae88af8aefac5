# jpyc: expect SyntaxError
# jpyc: feature an annotated attribute __debug__ without a value: from 3.14 the symbol table raises it at the attribute (check_name), before the compiler at the statement

import os
os.__debug__: int
