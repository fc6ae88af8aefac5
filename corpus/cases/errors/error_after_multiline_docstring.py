# jpyc: expect SyntaxError
# jpyc: feature an error on the line that closes a docstring spanning lines, no encoding declared: byte columns before 3.13, characters since
"""Tést script for thé gzip module
"""Tes's' t script for the gzip module

import gzip
