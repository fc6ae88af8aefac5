# jpyc: expect IndentationError
# jpyc: feature a nested block header with no body at the end of the input: the error is at a DEDENT read at EOF, whose column is where the tokenizer stands, the input's end (one past the last line), not the line's first non-blank

def read(path):
    with open(path, encoding="café") as fh:
