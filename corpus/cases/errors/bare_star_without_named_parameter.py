# jpyc: expect SyntaxError
# jpyc: feature "named arguments must follow bare *": 3.14.3 still says "arguments" (the "parameters" wording of python/cpython#133379 is 3.15's)

def configure(host, port, *):
    return host, port
