# -*- coding: utf-8 -*-
# jpyc: expect SyntaxError
# jpyc: feature an error after strings spanning lines, one continuing where the other ends, in a source that declares UTF-8: before 3.13 the columns count from the first string's line
"""été
""" + """hiver à venir
""" extra
