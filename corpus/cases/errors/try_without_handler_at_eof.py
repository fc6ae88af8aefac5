# jpyc: expect SyntaxError
# jpyc: feature a try block cut off at the end of the input, inside a function: "expected 'except' or 'finally' block" at a DEDENT read at EOF, whose column is the input's end

def run(job):
    try:
        job.start()
