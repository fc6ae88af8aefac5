# jpyc: expect SyntaxError
# jpyc: feature a missing comma after a call spanning lines that starts right of its last line's end, the next item on a later line: 3.15 places the error on that last line from the call's start column, which pegen clamps to the line's length + 1

board = make(make_board(
    1, 2
)

    beta)
