# jpyc: feature u prefix and case variants of string prefixes
a = u"unicode prefix"
b = U'upper U'
c = u"""triple u"""
d = rf"{a}\n"
e = Fr"{b}\t"
f = fR'{c!r}'
g = RF"{d}"
h = Rb"x"
i = bR"y"
