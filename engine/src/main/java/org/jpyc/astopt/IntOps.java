package org.jpyc.astopt;

import java.math.BigInteger;

/**
 * Python {@code int} arithmetic that is not a single {@link BigInteger} call (Objects/longobject.c):
 * floor division and modulo, shifts, conversion to float and correctly rounded true division.
 * Python exceptions are {@link NotFoldable}.
 */
final class IntOps {
    private IntOps() {}

    private static final BigInteger TWO_53 = BigInteger.ONE.shiftLeft(53);

    /** {@code long_div}: floor division; ZeroDivisionError for a zero divisor. */
    static BigInteger floorDiv(BigInteger a, BigInteger b) {
        if (b.signum() == 0) throw NotFoldable.INSTANCE;
        BigInteger[] qr = a.divideAndRemainder(b);
        if (qr[1].signum() != 0 && qr[1].signum() != b.signum()) return qr[0].subtract(BigInteger.ONE);
        return qr[0];
    }

    /** {@code long_mod}: the remainder takes the divisor's sign. */
    static BigInteger mod(BigInteger a, BigInteger b) {
        if (b.signum() == 0) throw NotFoldable.INSTANCE;
        BigInteger r = a.remainder(b);
        if (r.signum() != 0 && r.signum() != b.signum()) r = r.add(b);
        return r;
    }

    /** {@code long_lshift}: ValueError for a negative count. */
    static BigInteger lshift(BigInteger a, BigInteger n) {
        if (n.signum() < 0) throw NotFoldable.INSTANCE;
        if (a.signum() == 0) return BigInteger.ZERO;
        if (n.bitLength() > 31) throw NotFoldable.INSTANCE; // MemoryError/OverflowError in CPython
        return a.shiftLeft(n.intValue());
    }

    /** {@code long_rshift}: ValueError for a negative count; floor semantics. */
    static BigInteger rshift(BigInteger a, BigInteger n) {
        if (n.signum() < 0) throw NotFoldable.INSTANCE;
        if (n.bitLength() > 31 || n.intValue() >= a.bitLength() + 1) {
            return a.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO;
        }
        return a.shiftRight(n.intValue());
    }

    /** {@code PyLong_AsDouble}: correctly rounded (half to even); OverflowError when out of range. */
    static double toDouble(BigInteger a) {
        double d = a.doubleValue();
        if (Double.isInfinite(d)) throw NotFoldable.INSTANCE;
        return d;
    }

    /**
     * {@code long_true_divide}: {@code a / b} correctly rounded to a double (subnormals included);
     * ZeroDivisionError for {@code b == 0}, OverflowError when the quotient is too large.
     */
    static double trueDivide(BigInteger a, BigInteger b) {
        if (b.signum() == 0) throw NotFoldable.INSTANCE;
        boolean negative = a.signum() * b.signum() < 0;
        if (a.signum() == 0) return b.signum() < 0 ? -0.0 : 0.0; // the sign of 0.0 / b
        BigInteger x = a.abs();
        BigInteger y = b.abs();
        if (x.compareTo(TWO_53) <= 0 && y.compareTo(TWO_53) <= 0) {
            // Both exact as doubles: one IEEE division is correctly rounded.
            return a.doubleValue() / b.doubleValue();
        }
        // Scale so that the integer quotient has at least 55 bits, then round once.
        int shift = 55 - (x.bitLength() - y.bitLength());
        BigInteger n = shift > 0 ? x.shiftLeft(shift) : x;
        BigInteger d = shift < 0 ? y.shiftLeft(-shift) : y;
        BigInteger[] qr = n.divideAndRemainder(d);
        double r = roundScaled(qr[0], qr[1].signum() != 0, -shift);
        if (Double.isInfinite(r)) throw NotFoldable.INSTANCE;
        return negative ? -r : r;
    }

    /**
     * The double nearest to {@code (q + sticky*epsilon) * 2^exp} (half to even), with the precision
     * subnormals leave; {@code q > 0}.
     */
    static double roundScaled(BigInteger q, boolean sticky, int exp) {
        int bl = q.bitLength();
        long top = (long) bl - 1 + exp; // q * 2^exp lies in [2^top, 2^(top+1))
        if (top > 1100) return Double.POSITIVE_INFINITY;
        int keep = top >= -1022 ? 53 : (int) Math.max(-1, 53 - (-1022 - top));
        int drop = bl - keep;
        BigInteger m;
        if (drop > 0) {
            m = q.shiftRight(drop);
            BigInteger rest = q.subtract(m.shiftLeft(drop));
            BigInteger half = BigInteger.ONE.shiftLeft(drop - 1);
            int c = rest.compareTo(half);
            if (c > 0 || (c == 0 && (sticky || m.testBit(0)))) m = m.add(BigInteger.ONE);
        } else {
            m = q;
            drop = 0;
        }
        long e = (long) exp + drop;
        if (m.signum() == 0) return 0.0;
        return Math.scalb(m.doubleValue(), (int) Math.max(-2000, Math.min(2000, e)));
    }
}
