# jpyc: expect SyntaxError
# jpyc: feature unmatched ')'
x = 1)
