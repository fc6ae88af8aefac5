# jpyc: expect SyntaxError
# jpyc: feature 'yield' in a class body
class C:
    yield 1
