# -*- coding: utf-8 -*-
# jpyc: expect SyntaxError
# jpyc: feature a bracket never closed, opened after non-ASCII text on its line, in a source that declares UTF-8
LABELS = {"café": 1}
x = "été" + f(1,
      2,
