# jpyc: expect SyntaxError
# jpyc: feature a stray backslash (E_LINECONT, a tokenizer state, not an exception) after a generic error, inside a bracket opened on an earlier line: the bracket's "was never closed" is reported, on every version

from package.module import (
    first,
    second=2,

if ready \ now:
    pass
