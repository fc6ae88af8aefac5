package org.jpyc.astopt;

/**
 * Python {@code complex} arithmetic (Objects/complexobject.c of 3.13): a complex is a
 * {@code double[]{real, imag}}; ints and floats taking part are converted to {@code (x, 0.0)}
 * ({@code to_complex}). Python exceptions are {@link NotFoldable}.
 */
final class ComplexOps {
    private ComplexOps() {}

    /** {@code _Py_c_sum}. */
    static double[] sum(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1]};
    }

    /** {@code _Py_c_diff}. */
    static double[] diff(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1]};
    }

    /** {@code _Py_c_prod}. */
    static double[] prod(double[] a, double[] b) {
        return new double[] {a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]};
    }

    /** {@code _Py_c_quot} (Smith's algorithm), or null where C sets EDOM (division by zero). */
    static double[] quotOrNull(double[] a, double[] b) {
        double absBreal = b[0] < 0 ? -b[0] : b[0];
        double absBimag = b[1] < 0 ? -b[1] : b[1];
        if (absBreal >= absBimag) {
            if (absBreal == 0.0) return null;
            double ratio = b[1] / b[0];
            double denom = b[0] + b[1] * ratio;
            return new double[] {(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom};
        } else if (absBimag >= absBreal) {
            double ratio = b[0] / b[1];
            double denom = b[0] * ratio + b[1];
            return new double[] {(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom};
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    /** {@code complex_div}: ZeroDivisionError where {@code _Py_c_quot} reports EDOM. */
    static double[] div(double[] a, double[] b) {
        double[] r = quotOrNull(a, b);
        if (r == null) throw NotFoldable.INSTANCE;
        return r;
    }

    private static final double[] ONE = {1.0, 0.0};

    /** {@code c_powu}. */
    private static double[] powu(double[] x, long n) {
        double[] r = ONE;
        double[] p = x;
        long mask = 1;
        while (mask > 0 && n >= mask) {
            if ((n & mask) != 0) r = prod(r, p);
            mask <<= 1;
            p = prod(p, p);
        }
        return r;
    }

    /**
     * {@code complex_pow} with {@code z = None}: {@code c_powi} for small integral exponents, else
     * {@code _Py_c_pow}; ZeroDivisionError for EDOM, OverflowError when a part is infinite.
     */
    static double[] pow(double[] a, double[] b) {
        double[] p;
        LibM m = new LibM();
        if (b[1] == 0.0 && b[0] == Math.floor(b[0]) && Math.abs(b[0]) <= 100.0) {
            long n = (long) b[0];
            if (n > 0) {
                p = powu(a, n);
            } else {
                p = quotOrNull(ONE, powu(a, -n));
                if (p == null) {
                    m.errno = LibM.EDOM;
                    p = new double[] {0.0, 0.0};
                }
            }
        } else {
            p = cPow(a, b, m);
        }
        // _Py_ADJUST_ERANGE2
        if (Double.isInfinite(p[0]) || Double.isInfinite(p[1])) {
            if (m.errno == 0) m.errno = LibM.ERANGE;
        } else if (m.errno == LibM.ERANGE) {
            m.errno = 0;
        }
        if (m.errno != 0) throw NotFoldable.INSTANCE; // ZeroDivisionError (EDOM) or OverflowError (ERANGE)
        return p;
    }

    /** {@code _Py_c_pow}. */
    private static double[] cPow(double[] a, double[] b, LibM m) {
        if (b[0] == 0.0 && b[1] == 0.0) return new double[] {1.0, 0.0};
        if (a[0] == 0.0 && a[1] == 0.0) {
            if (b[1] != 0.0 || b[0] < 0.0) m.errno = LibM.EDOM;
            return new double[] {0.0, 0.0};
        }
        double vabs = m.hypot(a[0], a[1]);
        double len = m.pow(vabs, b[0]);
        double at = m.atan2(a[1], a[0]);
        double phase = at * b[0];
        if (b[1] != 0.0) {
            len *= m.exp(-at * b[1]);
            phase += b[1] * m.log(vabs);
        }
        return new double[] {len * m.cos(phase), len * m.sin(phase)};
    }
}
