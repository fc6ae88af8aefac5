# -*- coding: utf-8 -*-
# jpyc: expect SyntaxError
# jpyc: feature a character after a line continuation, after non-ASCII text on its line, in a source that declares UTF-8
x = "été" \ + 1
