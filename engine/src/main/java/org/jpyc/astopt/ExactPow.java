package org.jpyc.astopt;

import java.math.BigInteger;

/** {@code x ** n} for a positive finite double and an integer {@code n}, computed exactly and rounded once. */
final class ExactPow {
    private ExactPow() {}

    /** The correctly rounded power, or NaN when the exact value would be too large to compute. */
    static double pow(double x, int n) {
        // x = m * 2^e exactly, m odd or m == 0
        long bits = Double.doubleToRawLongBits(x);
        int be = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & 0xfffffffffffffL;
        int e;
        if (be == 0) {
            e = -1074;
        } else {
            mant |= 1L << 52;
            e = be - 1075;
        }
        int tz = Long.numberOfTrailingZeros(mant);
        mant >>= tz;
        e += tz;
        int an = Math.abs(n);
        long mbits = 64 - Long.numberOfLeadingZeros(mant);
        if (mbits * an > 300_000) return Double.NaN;
        BigInteger mp = BigInteger.valueOf(mant).pow(an);
        long ep = (long) e * an;
        if (n > 0) {
            if (ep + mp.bitLength() > 1100) return Double.POSITIVE_INFINITY;
            if (ep + mp.bitLength() < -1200) return 0.0;
            return IntOps.roundScaled(mp, false, (int) ep);
        }
        // 1 / (mp * 2^ep) = 2^-ep / mp
        long top = -ep - mp.bitLength();
        if (top > 1100) return Double.POSITIVE_INFINITY;
        if (top < -1200) return 0.0;
        int shift = 60 + mp.bitLength();
        BigInteger[] qr = BigInteger.ONE.shiftLeft(shift).divideAndRemainder(mp);
        return IntOps.roundScaled(qr[0], qr[1].signum() != 0, (int) (-ep - shift));
    }
}
