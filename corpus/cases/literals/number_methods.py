# jpyc: feature attribute access on numeric literals and tokenizer corner cases
a = 1 .real
b = 1.0.real
c = (1).bit_length()
d = 0x10.real
e = 1j.imag
f = 1_0 .numerator
g = [1 if x else 2 for x in (0, 1)]
