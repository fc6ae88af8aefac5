# jpyc: expect SyntaxError
# jpyc: feature from-importing a name as __debug__: from 3.14 the symbol table raises it at the alias, before the compiler at the statement

from os import path, sep as __debug__
