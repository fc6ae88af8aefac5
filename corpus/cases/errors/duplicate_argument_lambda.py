# jpyc: expect SyntaxError
# jpyc: feature duplicate parameter name across *args and keyword-only
g = lambda x, *x: x
