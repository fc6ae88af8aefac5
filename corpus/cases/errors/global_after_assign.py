# jpyc: expect SyntaxError
# jpyc: feature name assigned to before global declaration
def f():
    x = 1
    global x
