# jpyc: expect IndentationError
# jpyc: feature a bare except with an unindented body: IndentationError "after 'except' statement" (3.10.8 too)
try:
    pass
except:
pass
