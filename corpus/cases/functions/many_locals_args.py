# jpyc: feature functions with many parameters and locals (wide argument/local index)
def wide(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15,
         a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29):
    b0 = a0 + a29; b1 = a1 + a28; b2 = a2 + a27; b3 = a3 + a26; b4 = a4 + a25
    b5 = a5 + a24; b6 = a6 + a23; b7 = a7 + a22; b8 = a8 + a21; b9 = a9 + a20
    c0 = b0 * b9; c1 = b1 * b8; c2 = b2 * b7; c3 = b3 * b6; c4 = b4 * b5
    return (c0, c1, c2, c3, c4, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19)


def kwonly_wide(*, k0=0, k1=1, k2=2, k3=3, k4=4, k5=5, k6=6, k7=7, k8=8, k9=9,
                k10=10, k11=11, k12=12, k13=13, k14=14, k15=15):
    return k0 + k1 + k2 + k3 + k4 + k5 + k6 + k7 + k8 + k9 + k10 + k11 + k12 + k13 + k14 + k15


result = wide(*range(30))
total = kwonly_wide(k15=0)
