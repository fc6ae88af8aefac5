# jpyc: expect IndentationError
# jpyc: feature a nested block header followed only by a line of blanks at the end of the input: the DEDENT read at EOF takes the tokenizer's position, after the blank line's newline

if ready:
    if steady:
        
