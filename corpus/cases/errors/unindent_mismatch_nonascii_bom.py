# jpyc: expect IndentationError
# jpyc: feature unindent mismatch on a line with a non-ASCII character, after a UTF-8 BOM: the column counts characters in every version
def describe(zone):
    if zone:
        name = zone.get("name")
     éè    # zone
        return name
