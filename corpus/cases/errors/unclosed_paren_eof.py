# jpyc: expect SyntaxError
# jpyc: feature '(' never closed before end of file
def f():
    return 1
x = f(1,
      2,
