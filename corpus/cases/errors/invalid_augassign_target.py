# jpyc: expect SyntaxError
# jpyc: feature augmented assignment to a tuple
a = b = 0
(a, b) += 1, 2
