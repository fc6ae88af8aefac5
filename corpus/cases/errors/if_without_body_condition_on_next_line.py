# jpyc: expect IndentationError
# jpyc: feature an if statement without a body whose condition starts on the next line: the message names the line of the if keyword (pegen keeps the first binding of a name an alternative binds twice, a='if' a=named_expression)

def check(definition, state):
    if (
        definition["kind"] in ["Project", "ProjectRequest"]
        and state != "absent"
    ):

    return state
