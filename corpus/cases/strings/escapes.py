# jpyc: feature string escape sequences
simple = "\n\t\r\\\'\"\a\b\f\v"
octal = "\0\7\12\101\377"
hexes = "\x00\x41\x7f\xff"
uni16 = "\u00e9\u4e2d\uFFFF"
uni32 = "\U0001F600\U00010000"
named = "\N{LATIN SMALL LETTER E WITH ACUTE}\N{GREEK CAPITAL LETTER OMEGA}\N{EM DASH}"
cont = "one\
two"
nul = "a\x00b"
surrogate = "\ud800\udfff"
mixed = "tab\there\u2603\N{SNOWMAN}"
