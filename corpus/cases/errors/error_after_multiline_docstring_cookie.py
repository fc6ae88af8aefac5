# -*- coding: utf-8 -*-
# jpyc: expect SyntaxError
# jpyc: feature an error on the line that closes a docstring spanning lines, in a source that declares UTF-8: before 3.13 pegen counts both columns from the docstring's first line
"""Tést script for thé gzip module
"""Tes's' t script for the gzip module

import gzip
