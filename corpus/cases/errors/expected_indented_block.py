# jpyc: expect IndentationError
# jpyc: feature expected an indented block after 'if'
def f(x):
    if x:
    return 1
