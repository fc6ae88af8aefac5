# jpyc: feature a non-ASCII identifier makes the parser import unicodedata (NFKC normalization of the name), whose namespace's names are interned from then on: 3.10 flags them (FLAG_REF), as after a \N{...} escape
café = 1


def digits(decimal, digit):
    return decimal + digit, ("numeric", "east_asian_width"), {"decimal", "normalize"}
