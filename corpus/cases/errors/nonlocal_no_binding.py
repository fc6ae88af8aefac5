# jpyc: expect SyntaxError
# jpyc: feature nonlocal name with no binding in an enclosing function
def outer():
    def inner():
        nonlocal missing
        missing = 1
    return inner
