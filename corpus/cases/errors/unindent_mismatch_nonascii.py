# jpyc: expect IndentationError
# jpyc: feature unindent mismatch on a line with a non-ASCII character, no encoding declared (bytes before 3.13, characters since)
def describe(zone):
    if zone:
        name = zone.get("name")
     é    # zone
        return name
