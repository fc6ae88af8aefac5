# jpyc: optimize 0,2
# jpyc: feature strings that are not docstrings: f-strings, after statements, bytes, concatenated
def fstring_first():
    f"""not a docstring {1}"""
    return 1


def bytes_first():
    b"""not a docstring"""


def after_statement():
    x = 1
    """not a docstring"""
    return x


def concatenated():
    "implicitly " "concatenated docstring"


def parenthesized():
    ("parenthesized docstring")


class C:
    x = 1
    "not a class docstring"
