# jpyc: expect SyntaxError
# jpyc: feature 'break' outside loop
def f():
    if True:
        break
