package org.jpyc.astopt;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The C math library as CPython's complex and float code calls it ({@code pow}, {@code hypot},
 * {@code atan2}, {@code exp}, {@code log}, {@code cos}, {@code sin}), with glibc's special values and
 * its {@code errno} (EDOM for a domain error, ERANGE for overflow or underflow to zero, as glibc's
 * wrappers set them; a successful call leaves errno alone). Results are rounded once from high
 * precision ({@link HighPrecision}), which is what glibc gives in nearly all cases.
 */
final class LibM {
    static final int EDOM = 33;
    static final int ERANGE = 34;

    /** C's {@code errno}: set by failing calls, never cleared by a call. */
    int errno;

    /** {@code pow(x, y)} for any doubles. */
    double pow(double x, double y) {
        if (y == 0.0 || x == 1.0) return 1.0;
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
        if (Double.isInfinite(y)) {
            double ax = Math.abs(x);
            if (ax == 1.0) return 1.0;
            return (ax > 1.0) == (y > 0) ? Double.POSITIVE_INFINITY : 0.0;
        }
        boolean yInt = y == Math.rint(y);
        boolean yOdd = yInt && Math.abs(y) % 2.0 == 1.0;
        if (Double.isInfinite(x)) {
            if (x > 0) return y > 0 ? Double.POSITIVE_INFINITY : 0.0;
            if (y > 0) return yOdd ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return yOdd ? -0.0 : 0.0;
        }
        if (x == 0.0) {
            if (y < 0) {
                errno = ERANGE;
                return yOdd ? Math.copySign(Double.POSITIVE_INFINITY, x) : Double.POSITIVE_INFINITY;
            }
            return yOdd ? x : 0.0;
        }
        if (x < 0) {
            if (!yInt) {
                errno = EDOM;
                return Double.NaN;
            }
            double r = positivePow(-x, y);
            return yOdd ? -r : r;
        }
        return positivePow(x, y);
    }

    private double positivePow(double x, double y) {
        double r;
        if (y == Math.rint(y) && Math.abs(y) <= 4096) {
            r = ExactPow.pow(x, (int) y);
            if (Double.isNaN(r)) r = viaLog(x, y);
        } else {
            r = viaLog(x, y);
        }
        if (Double.isInfinite(r) || r == 0.0) errno = ERANGE;
        return r;
    }

    private static double viaLog(double x, double y) {
        BigDecimal t = HighPrecision.ln(x).multiply(HighPrecision.exact(y), HighPrecision.MC);
        if (t.compareTo(BigDecimal.valueOf(720)) > 0) return Double.POSITIVE_INFINITY;
        if (t.compareTo(BigDecimal.valueOf(-760)) < 0) return 0.0;
        return HighPrecision.exp(t);
    }

    double hypot(double x, double y) {
        if (Double.isInfinite(x) || Double.isInfinite(y)) return Double.POSITIVE_INFINITY;
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
        double r = HighPrecision.hypot(x, y);
        if (Double.isInfinite(r)) errno = ERANGE;
        return r;
    }

    double atan2(double y, double x) {
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
        double pi = Math.PI;
        if (y == 0.0) {
            boolean xNeg = x < 0 || (x == 0.0 && 1.0 / x < 0);
            return xNeg ? Math.copySign(pi, y) : y;
        }
        if (x == 0.0) return Math.copySign(pi / 2, y);
        if (Double.isInfinite(x)) {
            if (Double.isInfinite(y)) return Math.copySign(x > 0 ? pi / 4 : 2.356194490192345, y);
            return x > 0 ? Math.copySign(0.0, y) : Math.copySign(pi, y);
        }
        if (Double.isInfinite(y)) return Math.copySign(pi / 2, y);
        MathContext mc = new MathContext(HighPrecision.MC.getPrecision() + 10);
        BigDecimal t = HighPrecision.exact(Math.abs(y)).divide(HighPrecision.exact(Math.abs(x)), mc);
        BigDecimal a = HighPrecision.atan(t, mc);
        if (x < 0) a = HighPrecision.pi(mc.getPrecision()).subtract(a, mc);
        double r = HighPrecision.toDouble(a, 0);
        if (y < 0) r = -r;
        if (r == 0.0) errno = ERANGE; // y != 0, x finite: underflow
        return r;
    }

    double exp(double x) {
        if (Double.isNaN(x)) return x;
        if (Double.isInfinite(x)) return x > 0 ? x : 0.0;
        if (x > 710) {
            errno = ERANGE;
            return Double.POSITIVE_INFINITY;
        }
        if (x < -746) {
            errno = ERANGE;
            return 0.0;
        }
        double r = HighPrecision.exp(HighPrecision.exact(x));
        if (Double.isInfinite(r) || r == 0.0) errno = ERANGE;
        return r;
    }

    double log(double x) {
        if (Double.isNaN(x)) return x;
        if (x < 0) {
            errno = EDOM;
            return Double.NaN;
        }
        if (x == 0.0) {
            errno = ERANGE;
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isInfinite(x)) return x;
        if (x == 1.0) return 0.0;
        return HighPrecision.toDouble(HighPrecision.ln(x), 0);
    }

    double cos(double x) {
        if (Double.isNaN(x)) return x;
        if (Double.isInfinite(x)) {
            errno = EDOM;
            return Double.NaN;
        }
        return HighPrecision.sinCos(x, false);
    }

    double sin(double x) {
        if (Double.isNaN(x)) return x;
        if (Double.isInfinite(x)) {
            errno = EDOM;
            return Double.NaN;
        }
        return HighPrecision.sinCos(x, true);
    }
}
