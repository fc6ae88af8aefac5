# -*- coding: utf-8 -*-
# jpyc: expect SyntaxError
# jpyc: feature an error after an f-string spanning lines, in a source that declares UTF-8: before 3.13 the columns count from the f-string's first line
name = "zéro"
message = f"""été
{name}""" suffix
