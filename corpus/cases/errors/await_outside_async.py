# jpyc: expect SyntaxError
# jpyc: feature 'await' inside a non-async function
def f(x):
    return await x
