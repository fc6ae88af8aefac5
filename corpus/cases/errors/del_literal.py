# jpyc: expect SyntaxError
# jpyc: feature cannot delete literal
del 1
