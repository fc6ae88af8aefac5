# jpyc: expect SyntaxError
# jpyc: feature "invalid syntax" at the last token read, an f-string spanning lines with non-ASCII text and a replacement field: from 3.12 the error token is the f-string's start (FSTRING_START), before 3.12 the whole string

value = 5 f"""café
naïve {value} é"""
