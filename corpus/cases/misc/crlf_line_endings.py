# jpyc: feature CRLF line endings everywhere, including inside a triple-quoted string
import sys


def greet(name):
    """Docstring
    on two lines."""
    text = """line one
line two
"""
    return f"hello {name}" + text


value = (1 +
         2)
continued = 1 + \
    2
print(greet("crlf"), value, continued, sys.argv[:0])
