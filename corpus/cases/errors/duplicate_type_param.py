# jpyc: versions >=3.12
# jpyc: expect SyntaxError
# jpyc: feature duplicate type parameter 'T'
def f[T, T](x: T) -> T:
    return x
