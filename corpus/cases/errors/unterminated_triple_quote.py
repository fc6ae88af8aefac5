# jpyc: expect SyntaxError
# jpyc: feature unterminated triple-quoted string literal
def f():
    """docstring
    never closed

x = 1
