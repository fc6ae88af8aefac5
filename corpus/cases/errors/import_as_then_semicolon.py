# jpyc: expect SyntaxError
# jpyc: feature "import a as b; ..." is not an invalid import target (invalid_dotted_as_name's lookahead has ';' in 3.14.3): the error is the later "cannot assign to None"
import os as system; None = 1
