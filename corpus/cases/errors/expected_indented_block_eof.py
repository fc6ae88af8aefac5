# jpyc: expect IndentationError
# jpyc: feature function definition with no body at end of file
def f():
