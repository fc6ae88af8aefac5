# jpyc: feature imaginary literals, complex constant folding
j1 = 1j
j2 = 2.5J
j3 = 0j
j4 = -0j
j5 = 1e10j
j6 = 1_0j
z1 = 1 + 2j
z2 = 3.5 - 4j
z3 = -1 - 1j
z4 = (1 + 2j) * (3 - 4j)
z5 = 1j ** 2
z6 = complex(1, 2)
z7 = 1e400j
z8 = -(0.0 + 0j)
z9 = (0.0 - 1j) * -1
print(z1.real, z2.imag, abs(z4), z5.conjugate())
