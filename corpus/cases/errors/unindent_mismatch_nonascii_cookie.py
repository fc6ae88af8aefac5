# -*- coding: utf-8 -*-
# jpyc: expect IndentationError
# jpyc: feature unindent mismatch on a line with a non-ASCII character, in a source that declares UTF-8: the column counts characters in every version
def describe(zone):
    if zone:
        name = zone.get("name")
     é    # Get zone information
        return name
