# -*- coding: latin-1 -*-
# jpyc: expect IndentationError
# jpyc: feature unindent mismatch on a line with a non-ASCII character, in a latin-1 source: the column counts characters in every version
def describe(zone):
    if zone:
        name = zone.get("name")
     é    # zone
        return name
