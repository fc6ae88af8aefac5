# jpyc: expect IndentationError
# jpyc: feature unindent does not match any outer indentation level
def f(x):
    if x:
        return 1
      return 2
