# jpyc: versions >=3.13
# jpyc: expect SyntaxError
# jpyc: feature "!=" after from __future__ import barry_as_FLUFL: from 3.13 "with Barry as BDFL, use '<>' instead of '!='" (before 3.13 the import does not change the parser and "!=" compiles)

from __future__ import barry_as_FLUFL

if 1 != 2:
    pass
