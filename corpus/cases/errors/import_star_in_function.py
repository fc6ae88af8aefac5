# jpyc: expect SyntaxError
# jpyc: feature import * only allowed at module level
def f():
    from os import *
