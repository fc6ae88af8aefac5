# jpyc: feature file that ends without a trailing newline
def f():
    return 1
x = f()