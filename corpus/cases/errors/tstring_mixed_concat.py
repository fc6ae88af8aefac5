# jpyc: versions >=3.14
# jpyc: expect SyntaxError
# jpyc: feature cannot mix t-string literals with plain string literals
a = 1
x = t"{a}" "plain"
