# jpyc: feature constant expression statements that the compiler drops, docstring-like strings later
def body():
    1
    "a string statement"
    3.14
    None
    ...
    (1, 2)
    b"bytes"
    return 0


class K:
    "docstring"
    "second string, not a docstring"
    42
