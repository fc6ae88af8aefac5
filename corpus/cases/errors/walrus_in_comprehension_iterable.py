# jpyc: expect SyntaxError
# jpyc: feature assignment expression in a comprehension iterable
x = [i for i in (y := [1, 2])]
