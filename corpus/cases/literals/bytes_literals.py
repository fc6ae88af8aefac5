# jpyc: feature bytes literals: prefixes, escapes, raw, concatenation
a = b"plain"
b = B'single'
c = b"\x00\x01\xff\n\t\\\'\""
d = br"raw\n\x00"
e = Rb'raw too'
f = rB"\d+"
g = b"con" b'cat' rb"\enated"
h = b"""triple
quoted
bytes"""
i = b""
j = b"\0\07\177\377"
k = b"a" * 3
l = bytes(range(256))
m = b"line\
continued"
