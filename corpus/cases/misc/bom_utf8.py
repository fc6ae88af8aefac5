# jpyc: feature UTF-8 byte order mark at the start of the file
name = "böm"


def f():
    return name
