# jpyc: expect SyntaxError
# jpyc: feature assignment expression cannot rebind comprehension iteration variable
x = [i := 0 for i in range(3)]
