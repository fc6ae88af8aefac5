# jpyc: optimize 0,2
# jpyc: feature docstrings with escapes, raw docstrings, non-ASCII, and long docstrings
def escapes():
    """Tab:\t newline:\n unicode:\u00e9 backslash:\\"""


def raw():
    r"""Raw: \d+ \n stays"""


def non_ascii():
    """Ünïcödé docstring — 中文 😀"""


def long_doc():
    """Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor
    incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud
    exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure
    dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.
    """
