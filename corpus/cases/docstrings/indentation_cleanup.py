# jpyc: optimize 0,2
# jpyc: feature docstring indentation forms (3.13 strips common leading whitespace at compile time)
def tabs():
	"""Tab-indented docstring.

	Second paragraph with a tab.
		Nested tab.
	"""


def mixed_indent():
    """First line.
      two spaces
        four spaces
    zero relative
    """


def trailing_blank_lines():
    """Text.



    """


def only_whitespace():
    """   """


def leading_newline():
    """
    Starts on the second line.
    """
