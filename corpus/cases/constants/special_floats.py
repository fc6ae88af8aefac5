# jpyc: feature signed zeros, negative zero in tuples vs positive zero, nan/inf via folding
a = 0.0
b = -0.0
pair = (0.0, -0.0)
cplx = (0j, -0j, complex(0.0, -0.0))
inf = 1e999
ninf = -1e999
ratio = 1e308 * 10
nested = ((0.0,), (-0.0,))
ints_and_floats = (1, 1.0, 0, 0.0, -0.0)
