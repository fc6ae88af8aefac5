# jpyc: expect SyntaxError
# jpyc: feature "invalid syntax" at the last token read, a triple-quoted string spanning lines with non-ASCII text on both: _PyPegen_raise_error takes that token, and its columns are counted in characters on its first line

value = 5 """café
naïve naïve"""
