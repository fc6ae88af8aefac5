# jpyc: feature jumps over more than 255 code units: EXTENDED_ARG on forward and backward jumps, and on a conditional
# jpyc: optimize 0,1

def forward(a, b, c0, c1, c2, c3, c4):
    if a:
        r0 = a.m0(b, c0); r1 = a.m1(b, c1); r2 = a.m2(b, c2); r3 = a.m3(b, c3); r4 = a.m4(b, c4); r5 = a.m5(b, c0); r6 = a.m6(b, c1); r7 = a.m7(b, c2); r8 = a.m8(b, c3); r9 = a.m9(b, c4)
        r10 = a.m10(b, c0); r11 = a.m11(b, c1); r12 = a.m12(b, c2); r13 = a.m13(b, c3); r14 = a.m14(b, c4); r15 = a.m15(b, c0); r16 = a.m16(b, c1); r17 = a.m17(b, c2); r18 = a.m18(b, c3); r19 = a.m19(b, c4)
        r20 = a.m20(b, c0); r21 = a.m21(b, c1); r22 = a.m22(b, c2); r23 = a.m23(b, c3); r24 = a.m24(b, c4); r25 = a.m25(b, c0); r26 = a.m26(b, c1); r27 = a.m27(b, c2); r28 = a.m28(b, c3); r29 = a.m29(b, c4)
        r30 = a.m30(b, c0); r31 = a.m31(b, c1); r32 = a.m32(b, c2); r33 = a.m33(b, c3); r34 = a.m34(b, c4); r35 = a.m35(b, c0); r36 = a.m36(b, c1); r37 = a.m37(b, c2); r38 = a.m38(b, c3); r39 = a.m39(b, c4)
        r40 = a.m40(b, c0); r41 = a.m41(b, c1); r42 = a.m42(b, c2); r43 = a.m43(b, c3); r44 = a.m44(b, c4); r45 = a.m45(b, c0); r46 = a.m46(b, c1); r47 = a.m47(b, c2); r48 = a.m48(b, c3); r49 = a.m49(b, c4)
        r50 = a.m50(b, c0); r51 = a.m51(b, c1); r52 = a.m52(b, c2); r53 = a.m53(b, c3); r54 = a.m54(b, c4); r55 = a.m55(b, c0); r56 = a.m56(b, c1); r57 = a.m57(b, c2); r58 = a.m58(b, c3); r59 = a.m59(b, c4)
        r60 = a.m60(b, c0); r61 = a.m61(b, c1); r62 = a.m62(b, c2); r63 = a.m63(b, c3); r64 = a.m64(b, c4); r65 = a.m65(b, c0); r66 = a.m66(b, c1); r67 = a.m67(b, c2); r68 = a.m68(b, c3); r69 = a.m69(b, c4)
        r70 = a.m70(b, c0); r71 = a.m71(b, c1); r72 = a.m72(b, c2); r73 = a.m73(b, c3); r74 = a.m74(b, c4); r75 = a.m75(b, c0); r76 = a.m76(b, c1); r77 = a.m77(b, c2); r78 = a.m78(b, c3); r79 = a.m79(b, c4)
        r80 = a.m80(b, c0); r81 = a.m81(b, c1); r82 = a.m82(b, c2); r83 = a.m83(b, c3); r84 = a.m84(b, c4); r85 = a.m85(b, c0); r86 = a.m86(b, c1); r87 = a.m87(b, c2); r88 = a.m88(b, c3); r89 = a.m89(b, c4)
        r90 = a.m90(b, c0); r91 = a.m91(b, c1); r92 = a.m92(b, c2); r93 = a.m93(b, c3); r94 = a.m94(b, c4); r95 = a.m95(b, c0); r96 = a.m96(b, c1); r97 = a.m97(b, c2); r98 = a.m98(b, c3); r99 = a.m99(b, c4)
        r100 = a.m100(b, c0); r101 = a.m101(b, c1); r102 = a.m102(b, c2); r103 = a.m103(b, c3); r104 = a.m104(b, c4); r105 = a.m105(b, c0); r106 = a.m106(b, c1); r107 = a.m107(b, c2); r108 = a.m108(b, c3); r109 = a.m109(b, c4)
        r110 = a.m110(b, c0); r111 = a.m111(b, c1); r112 = a.m112(b, c2); r113 = a.m113(b, c3); r114 = a.m114(b, c4); r115 = a.m115(b, c0); r116 = a.m116(b, c1); r117 = a.m117(b, c2); r118 = a.m118(b, c3); r119 = a.m119(b, c4)
        return r0
    return None


def backward(a, b, c0, c1, c2, c3, c4):
    while a.go():
        r0 = a.m0(b, c0); r1 = a.m1(b, c1); r2 = a.m2(b, c2); r3 = a.m3(b, c3); r4 = a.m4(b, c4); r5 = a.m5(b, c0); r6 = a.m6(b, c1); r7 = a.m7(b, c2); r8 = a.m8(b, c3); r9 = a.m9(b, c4)
        r10 = a.m10(b, c0); r11 = a.m11(b, c1); r12 = a.m12(b, c2); r13 = a.m13(b, c3); r14 = a.m14(b, c4); r15 = a.m15(b, c0); r16 = a.m16(b, c1); r17 = a.m17(b, c2); r18 = a.m18(b, c3); r19 = a.m19(b, c4)
        r20 = a.m20(b, c0); r21 = a.m21(b, c1); r22 = a.m22(b, c2); r23 = a.m23(b, c3); r24 = a.m24(b, c4); r25 = a.m25(b, c0); r26 = a.m26(b, c1); r27 = a.m27(b, c2); r28 = a.m28(b, c3); r29 = a.m29(b, c4)
        r30 = a.m30(b, c0); r31 = a.m31(b, c1); r32 = a.m32(b, c2); r33 = a.m33(b, c3); r34 = a.m34(b, c4); r35 = a.m35(b, c0); r36 = a.m36(b, c1); r37 = a.m37(b, c2); r38 = a.m38(b, c3); r39 = a.m39(b, c4)
        r40 = a.m40(b, c0); r41 = a.m41(b, c1); r42 = a.m42(b, c2); r43 = a.m43(b, c3); r44 = a.m44(b, c4); r45 = a.m45(b, c0); r46 = a.m46(b, c1); r47 = a.m47(b, c2); r48 = a.m48(b, c3); r49 = a.m49(b, c4)
        r50 = a.m50(b, c0); r51 = a.m51(b, c1); r52 = a.m52(b, c2); r53 = a.m53(b, c3); r54 = a.m54(b, c4); r55 = a.m55(b, c0); r56 = a.m56(b, c1); r57 = a.m57(b, c2); r58 = a.m58(b, c3); r59 = a.m59(b, c4)
        r60 = a.m60(b, c0); r61 = a.m61(b, c1); r62 = a.m62(b, c2); r63 = a.m63(b, c3); r64 = a.m64(b, c4); r65 = a.m65(b, c0); r66 = a.m66(b, c1); r67 = a.m67(b, c2); r68 = a.m68(b, c3); r69 = a.m69(b, c4)
        r70 = a.m70(b, c0); r71 = a.m71(b, c1); r72 = a.m72(b, c2); r73 = a.m73(b, c3); r74 = a.m74(b, c4); r75 = a.m75(b, c0); r76 = a.m76(b, c1); r77 = a.m77(b, c2); r78 = a.m78(b, c3); r79 = a.m79(b, c4)
        r80 = a.m80(b, c0); r81 = a.m81(b, c1); r82 = a.m82(b, c2); r83 = a.m83(b, c3); r84 = a.m84(b, c4); r85 = a.m85(b, c0); r86 = a.m86(b, c1); r87 = a.m87(b, c2); r88 = a.m88(b, c3); r89 = a.m89(b, c4)
        r90 = a.m90(b, c0); r91 = a.m91(b, c1); r92 = a.m92(b, c2); r93 = a.m93(b, c3); r94 = a.m94(b, c4); r95 = a.m95(b, c0); r96 = a.m96(b, c1); r97 = a.m97(b, c2); r98 = a.m98(b, c3); r99 = a.m99(b, c4)
        r100 = a.m100(b, c0); r101 = a.m101(b, c1); r102 = a.m102(b, c2); r103 = a.m103(b, c3); r104 = a.m104(b, c4); r105 = a.m105(b, c0); r106 = a.m106(b, c1); r107 = a.m107(b, c2); r108 = a.m108(b, c3); r109 = a.m109(b, c4)
        r110 = a.m110(b, c0); r111 = a.m111(b, c1); r112 = a.m112(b, c2); r113 = a.m113(b, c3); r114 = a.m114(b, c4); r115 = a.m115(b, c0); r116 = a.m116(b, c1); r117 = a.m117(b, c2); r118 = a.m118(b, c3); r119 = a.m119(b, c4)
        if r1:
            continue
    return a


def loop_for(a, b, c0, c1, c2, c3, c4):
    for x in a:
        r0 = x.m0(b, c0); r1 = x.m1(b, c1); r2 = x.m2(b, c2); r3 = x.m3(b, c3); r4 = x.m4(b, c4); r5 = x.m5(b, c0); r6 = x.m6(b, c1); r7 = x.m7(b, c2); r8 = x.m8(b, c3); r9 = x.m9(b, c4)
        r10 = x.m10(b, c0); r11 = x.m11(b, c1); r12 = x.m12(b, c2); r13 = x.m13(b, c3); r14 = x.m14(b, c4); r15 = x.m15(b, c0); r16 = x.m16(b, c1); r17 = x.m17(b, c2); r18 = x.m18(b, c3); r19 = x.m19(b, c4)
        r20 = x.m20(b, c0); r21 = x.m21(b, c1); r22 = x.m22(b, c2); r23 = x.m23(b, c3); r24 = x.m24(b, c4); r25 = x.m25(b, c0); r26 = x.m26(b, c1); r27 = x.m27(b, c2); r28 = x.m28(b, c3); r29 = x.m29(b, c4)
        r30 = x.m30(b, c0); r31 = x.m31(b, c1); r32 = x.m32(b, c2); r33 = x.m33(b, c3); r34 = x.m34(b, c4); r35 = x.m35(b, c0); r36 = x.m36(b, c1); r37 = x.m37(b, c2); r38 = x.m38(b, c3); r39 = x.m39(b, c4)
        r40 = x.m40(b, c0); r41 = x.m41(b, c1); r42 = x.m42(b, c2); r43 = x.m43(b, c3); r44 = x.m44(b, c4); r45 = x.m45(b, c0); r46 = x.m46(b, c1); r47 = x.m47(b, c2); r48 = x.m48(b, c3); r49 = x.m49(b, c4)
        r50 = x.m50(b, c0); r51 = x.m51(b, c1); r52 = x.m52(b, c2); r53 = x.m53(b, c3); r54 = x.m54(b, c4); r55 = x.m55(b, c0); r56 = x.m56(b, c1); r57 = x.m57(b, c2); r58 = x.m58(b, c3); r59 = x.m59(b, c4)
        r60 = x.m60(b, c0); r61 = x.m61(b, c1); r62 = x.m62(b, c2); r63 = x.m63(b, c3); r64 = x.m64(b, c4); r65 = x.m65(b, c0); r66 = x.m66(b, c1); r67 = x.m67(b, c2); r68 = x.m68(b, c3); r69 = x.m69(b, c4)
        r70 = x.m70(b, c0); r71 = x.m71(b, c1); r72 = x.m72(b, c2); r73 = x.m73(b, c3); r74 = x.m74(b, c4); r75 = x.m75(b, c0); r76 = x.m76(b, c1); r77 = x.m77(b, c2); r78 = x.m78(b, c3); r79 = x.m79(b, c4)
        r80 = x.m80(b, c0); r81 = x.m81(b, c1); r82 = x.m82(b, c2); r83 = x.m83(b, c3); r84 = x.m84(b, c4); r85 = x.m85(b, c0); r86 = x.m86(b, c1); r87 = x.m87(b, c2); r88 = x.m88(b, c3); r89 = x.m89(b, c4)
        r90 = x.m90(b, c0); r91 = x.m91(b, c1); r92 = x.m92(b, c2); r93 = x.m93(b, c3); r94 = x.m94(b, c4); r95 = x.m95(b, c0); r96 = x.m96(b, c1); r97 = x.m97(b, c2); r98 = x.m98(b, c3); r99 = x.m99(b, c4)
        r100 = x.m100(b, c0); r101 = x.m101(b, c1); r102 = x.m102(b, c2); r103 = x.m103(b, c3); r104 = x.m104(b, c4); r105 = x.m105(b, c0); r106 = x.m106(b, c1); r107 = x.m107(b, c2); r108 = x.m108(b, c3); r109 = x.m109(b, c4)
        r110 = x.m110(b, c0); r111 = x.m111(b, c1); r112 = x.m112(b, c2); r113 = x.m113(b, c3); r114 = x.m114(b, c4); r115 = x.m115(b, c0); r116 = x.m116(b, c1); r117 = x.m117(b, c2); r118 = x.m118(b, c3); r119 = x.m119(b, c4)
        if r3:
            break
    else:
        return 1
    return 2
