# jpyc: expect SyntaxError
# jpyc: feature a form feed inside indentation resets the column to 0, so return dedents out of the function
def f(x):
    y = x + 1
    return y
