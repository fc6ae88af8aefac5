package org.jpyc.astopt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Elementary functions of doubles evaluated with about 60 significant digits and rounded once to a
 * double: the correctly rounded results the platform libm (glibc) gives in all but very rare cases.
 * Arguments are finite and in each function's domain; special values are {@link LibM}'s concern.
 */
final class HighPrecision {
    private HighPrecision() {}

    static final MathContext MC = new MathContext(64, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static volatile BigDecimal ln2;
    private static volatile BigDecimal pi;
    private static volatile int piDigits;

    static BigDecimal exact(double d) {
        return new BigDecimal(d);
    }

    /** {@code 2 * atanh(z)} = {@code ln((1+z)/(1-z))} by its series, for small |z|. */
    private static BigDecimal twoAtanh(BigDecimal z, MathContext mc) {
        BigDecimal z2 = z.multiply(z, mc);
        BigDecimal term = z;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 5);
        for (int k = 0; ; k++) {
            BigDecimal t = term.divide(BigDecimal.valueOf(2L * k + 1), mc);
            sum = sum.add(t, mc);
            if (t.abs().compareTo(eps) < 0 && k > 2) break;
            term = term.multiply(z2, mc);
        }
        return sum.multiply(TWO, mc);
    }

    static BigDecimal ln2() {
        BigDecimal v = ln2;
        if (v == null) {
            MathContext mc = new MathContext(MC.getPrecision() + 20);
            ln2 = v = twoAtanh(BigDecimal.ONE.divide(BigDecimal.valueOf(3), mc), mc);
        }
        return v;
    }

    /** The natural logarithm of a positive finite double. */
    static BigDecimal ln(double x) {
        int e = Math.getExponent(x);
        double m;
        if (e < Double.MIN_EXPONENT) { // subnormal
            x *= 0x1p60;
            e = Math.getExponent(x) - 60;
            m = x / Math.scalb(1.0, Math.getExponent(x));
        } else {
            m = x / Math.scalb(1.0, e);
        }
        BigDecimal bm = exact(m);
        if (m > 1.4142135623730951) {
            bm = bm.divide(TWO);
            e += 1;
        }
        MathContext mc = new MathContext(MC.getPrecision() + 10);
        BigDecimal z = bm.subtract(BigDecimal.ONE).divide(bm.add(BigDecimal.ONE), mc);
        return twoAtanh(z, mc).add(ln2().multiply(BigDecimal.valueOf(e), mc), mc);
    }

    /** {@code e^t} for |t| below about 800, as (mantissa, power of two) rounded to a double. */
    static double exp(BigDecimal t) {
        MathContext mc = new MathContext(MC.getPrecision() + 10);
        BigInteger k = t.divide(ln2(), mc).setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
        BigDecimal r = t.subtract(ln2().multiply(new BigDecimal(k), mc), mc);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 3);
        for (int n = 1; n < 400; n++) {
            term = term.multiply(r, mc).divide(BigDecimal.valueOf(n), mc);
            sum = sum.add(term, mc);
            if (term.abs().compareTo(eps) < 0) break;
        }
        return toDouble(sum, k.intValueExact());
    }

    /** pi with at least {@code digits} significant digits (Machin's formula). */
    static BigDecimal pi(int digits) {
        BigDecimal v = pi;
        if (v == null || piDigits < digits) {
            int d = Math.max(digits, 120);
            MathContext mc = new MathContext(d + 10);
            v = atanInv(5, mc).multiply(BigDecimal.valueOf(16), mc)
                    .subtract(atanInv(239, mc).multiply(BigDecimal.valueOf(4), mc), mc);
            pi = v;
            piDigits = d;
        }
        return v;
    }

    private static BigDecimal atanInv(int n, MathContext mc) {
        BigDecimal x = BigDecimal.ONE.divide(BigDecimal.valueOf(n), mc);
        BigDecimal x2 = x.multiply(x, mc);
        BigDecimal term = x;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 3);
        for (int k = 0; ; k++) {
            BigDecimal t = term.divide(BigDecimal.valueOf(2L * k + 1), mc);
            sum = (k & 1) == 0 ? sum.add(t, mc) : sum.subtract(t, mc);
            if (t.compareTo(eps) < 0) break;
            term = term.multiply(x2, mc);
        }
        return sum;
    }

    /** sin (when {@code sine}) or cos of a finite double, with exact argument reduction. */
    static double sinCos(double x, boolean sine) {
        if (x == 0.0) return sine ? x : 1.0;
        BigDecimal bx = exact(x);
        int mag = Math.max(0, bx.precision() - bx.scale());
        int digits = mag + MC.getPrecision() + 40;
        MathContext mc = new MathContext(digits);
        BigDecimal halfPi = pi(digits).divide(TWO, mc);
        BigInteger n = bx.divide(halfPi, mc).setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
        BigDecimal r = bx.subtract(halfPi.multiply(new BigDecimal(n), mc), mc);
        int q = n.mod(BigInteger.valueOf(4)).intValue();
        MathContext smc = new MathContext(MC.getPrecision() + 10);
        r = r.round(smc);
        boolean useSin = sine ? (q % 2 == 0) : (q % 2 == 1);
        boolean negate = sine ? (q >= 2) : (q == 1 || q == 2);
        BigDecimal v = useSin ? sinSeries(r, smc) : cosSeries(r, smc);
        return negate ? -toDouble(v, 0) : toDouble(v, 0);
    }

    private static BigDecimal sinSeries(BigDecimal r, MathContext mc) {
        BigDecimal r2 = r.multiply(r, mc);
        BigDecimal term = r;
        BigDecimal sum = r;
        for (int n = 1; n < 200; n++) {
            term = term.multiply(r2, mc).divide(BigDecimal.valueOf((2L * n) * (2L * n + 1)), mc).negate();
            sum = sum.add(term, mc);
            if (term.signum() == 0 || term.abs().compareTo(sum.abs().movePointLeft(mc.getPrecision() + 3)) < 0) break;
        }
        return sum;
    }

    private static BigDecimal cosSeries(BigDecimal r, MathContext mc) {
        BigDecimal r2 = r.multiply(r, mc);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int n = 1; n < 200; n++) {
            term = term.multiply(r2, mc).divide(BigDecimal.valueOf((2L * n - 1) * (2L * n)), mc).negate();
            sum = sum.add(term, mc);
            if (term.signum() == 0 || term.abs().compareTo(sum.abs().movePointLeft(mc.getPrecision() + 3)) < 0) break;
        }
        return sum;
    }

    /** atan of a non-negative finite value given exactly. */
    static BigDecimal atan(BigDecimal t, MathContext mc) {
        boolean invert = t.compareTo(BigDecimal.ONE) > 0;
        if (invert) t = BigDecimal.ONE.divide(t, mc);
        // two halvings: atan(t) = 2 atan(t / (1 + sqrt(1 + t^2)))
        for (int i = 0; i < 2; i++) {
            t = t.divide(BigDecimal.ONE.add(BigDecimal.ONE.add(t.multiply(t, mc), mc).sqrt(mc), mc), mc);
        }
        BigDecimal t2 = t.multiply(t, mc);
        BigDecimal term = t;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < 2000; k++) {
            BigDecimal x = term.divide(BigDecimal.valueOf(2L * k + 1), mc);
            sum = (k & 1) == 0 ? sum.add(x, mc) : sum.subtract(x, mc);
            if (x.signum() == 0 || x.compareTo(sum.abs().movePointLeft(mc.getPrecision() + 3)) < 0) break;
            term = term.multiply(t2, mc);
        }
        sum = sum.multiply(BigDecimal.valueOf(4), mc);
        if (invert) sum = pi(mc.getPrecision()).divide(TWO, mc).subtract(sum, mc);
        return sum;
    }

    /** {@code v * 2^exp2} rounded once to a double (v finite; sign kept). */
    static double toDouble(BigDecimal v, int exp2) {
        int sign = v.signum();
        if (sign == 0) return 0.0;
        v = v.abs();
        long e10 = (long) v.precision() - v.scale();
        long s = 140 - (long) Math.ceil(e10 * 3.3219280948873626);
        BigDecimal scaled = s >= 0 ? v.multiply(new BigDecimal(BigInteger.ONE.shiftLeft((int) s)))
                : v.divide(new BigDecimal(BigInteger.ONE.shiftLeft((int) -s)), new MathContext(60));
        BigInteger q = scaled.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        if (q.signum() == 0) return sign < 0 ? -0.0 : 0.0;
        double d = IntOps.roundScaled(q, true, (int) Math.max(-100000, Math.min(100000, exp2 - s)));
        return sign < 0 ? -d : d;
    }

    /** {@code sqrt(x*x + y*y)} of finite doubles, correctly rounded. */
    static double hypot(double x, double y) {
        BigDecimal bx = exact(x);
        BigDecimal by = exact(y);
        BigDecimal s = bx.multiply(bx).add(by.multiply(by));
        if (s.signum() == 0) return 0.0;
        return toDouble(s.sqrt(MC), 0);
    }
}
