# jpyc: expect SyntaxError
# jpyc: feature keyword argument repeated
dict(a=1, b=2, a=3)
