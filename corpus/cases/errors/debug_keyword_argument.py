# jpyc: expect SyntaxError
# jpyc: feature a keyword argument named __debug__ (3.11: reported at the whole call, 3.12+ at the keyword)
result = compute(1, 2,
                 __debug__=True)
