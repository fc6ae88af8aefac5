# jpyc: expect IndentationError
# jpyc: feature unexpected indent
x = 1
    y = 2
