# -*- coding: utf-8 -*-
# jpyc: expect SyntaxError
# jpyc: feature an error right after a string spanning lines, before a non-ASCII comment, in a source that declares UTF-8: before 3.13 the start column cuts a character of the first line in two
"""é
""" Tes  # ééé
