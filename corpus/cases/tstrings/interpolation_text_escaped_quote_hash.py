# jpyc: versions >=3.14
# jpyc: feature a t-string interpolation spanning lines with a comment, then a string holding an escaped quote and a '#': 3.14 ends the string at the escaped quote and drops the rest of the line from the interpolation's str as a comment; 3.15 keeps it (from CPython 3.15's test_unparse)

t = t'''{(
                1,  # Force lexer metadata reconstruction.
                "\"#")}'''
