# jpyc: feature a \N{...} escape makes the parser import unicodedata (the escape decoder's name lookup), whose namespace's names ('decimal', 'digit', 'normalize', ...) are interned from then on: 3.10 flags them (FLAG_REF) and every version replaces a constant of that text by the module's str
BULLET = "\N{BULLET} item"


def around(x, decimal=6):
    return round(x, decimal), x.normalize(), {"digit", "numeric", "mirrored"}


class Chars:
    combining = "combining"
    decomposition = ("decomposition", "bidirectional")
