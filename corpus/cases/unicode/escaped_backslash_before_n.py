# jpyc: feature an escaped backslash before N ("\\N{...}", r"\N{...}", b"\\N{...}") is no named escape: the parser imports nothing, and unicodedata's names ('decimal', 'digit') stay as the source makes them (3.10: not flagged when used once)
plain = "\\N{BULLET}", r"\N{BULLET}", b"\\N{BULLET}", f"{plain!r:\\>4}"


def digits(decimal, digit):
    return decimal + digit
