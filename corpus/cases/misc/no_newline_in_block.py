# jpyc: feature file that ends inside an indented block without a trailing newline
def f(x):
    if x:
        return 1