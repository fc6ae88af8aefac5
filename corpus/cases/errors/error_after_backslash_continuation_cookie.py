# -*- coding: utf-8 -*-
# jpyc: expect SyntaxError
# jpyc: feature an error on a line continued with a backslash after non-ASCII text, in a source that declares UTF-8: before 3.13 the columns count from the continued line
x = "éé" + \
  "crème" total
