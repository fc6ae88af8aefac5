# jpyc: expect IndentationError
# jpyc: feature a def without a body at the end of a source ending in CRLF (3.10, 3.11: translate_newlines adds an empty line, the error is on it)
def f():
