# jpyc: expect SyntaxError
# jpyc: feature unparenthesized exception list with 'as' is an error even in 3.14
try:
    pass
except ValueError, TypeError as e:
    pass
