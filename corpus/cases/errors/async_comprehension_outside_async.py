# jpyc: expect SyntaxError
# jpyc: feature asynchronous comprehension outside of an asynchronous function
def f(src):
    return [x async for x in src]
