# jpyc: versions 3.10-3.13
# jpyc: expect SyntaxError
# jpyc: feature multiple exception types must be parenthesized (allowed by PEP 758 in 3.14)
try:
    pass
except ValueError, TypeError:
    pass
