# jpyc: feature yield from in a class body: 3.12 reports "'yield' outside function", 3.13+ "'yield from' outside function"
# jpyc: expect SyntaxError
class Foo:
    yield from ()
