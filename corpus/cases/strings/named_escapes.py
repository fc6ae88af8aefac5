# jpyc: feature \N{...} escapes: names in any case, the five kinds of alias, algorithmic CJK, Hangul and hex-named ideographs

CONTROL = "\N{NULL}\N{line feed}\N{LF}\N{Byte Order Mark}\N{NBSP}\N{zwj}"
LETTERS = "\N{LATIN SMALL LETTER A}\N{latin capital letter a with ring above}\N{GREEK SMALL LETTER ALPHA}"
CORRECTED = "\N{LATIN CAPITAL LETTER GHA}\N{LATIN CAPITAL LETTER OI}\N{BYZANTINE MUSICAL SYMBOL FTHORA SKLIRON CHROMA VASIS}"
IDEOGRAPHS = "\N{CJK UNIFIED IDEOGRAPH-4E00}\N{CJK UNIFIED IDEOGRAPH-20000}\N{cjk compatibility ideograph-f900}"
HANGUL = "\N{HANGUL SYLLABLE GA}\N{HANGUL SYLLABLE A}\N{HANGUL SYLLABLE HIH}"
SCRIPTS = "\N{NUSHU CHARACTER-1B170}\N{khitan small script character-18b00}"
MIXED = f"{len(CONTROL)}\N{EM DASH}{HANGUL!r}\N{RIGHTWARDS ARROW}" + rb"\N{not decoded}".decode()


def table():
    return [(c, "\N{SNOWMAN}" * i) for i, c in enumerate(LETTERS + IDEOGRAPHS)]
