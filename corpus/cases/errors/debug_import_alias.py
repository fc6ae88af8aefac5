# jpyc: expect SyntaxError
# jpyc: feature importing a module as __debug__: from 3.14 the symbol table raises it at the alias (its position covers "a.b as __debug__"), before the compiler at the statement

import os, os.path as __debug__
