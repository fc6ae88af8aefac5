package org.jpyc.astopt;

/**
 * Python {@code float} operations whose semantics differ from plain IEEE arithmetic
 * (Objects/floatobject.c): true division, floor division and modulo with Python's signs, and
 * {@code float_pow} with its special cases. Python exceptions are {@link NotFoldable}.
 */
final class FloatOps {
    private FloatOps() {}

    /** {@code float_div}: ZeroDivisionError for a zero divisor. */
    static double div(double a, double b) {
        if (b == 0.0) throw NotFoldable.INSTANCE;
        return a / b;
    }

    /** {@code float_rem}: the result has the divisor's sign. */
    static double rem(double vx, double wx) {
        if (wx == 0.0) throw NotFoldable.INSTANCE;
        double mod = vx % wx; // C fmod
        if (mod != 0.0) {
            if ((wx < 0) != (mod < 0)) mod += wx;
        } else {
            mod = Math.copySign(0.0, wx);
        }
        return mod;
    }

    /** {@code float_floor_div} through {@code _float_div_mod}. */
    static double floorDiv(double vx, double wx) {
        if (wx == 0.0) throw NotFoldable.INSTANCE;
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0.0) {
            if ((wx < 0) != (mod < 0)) {
                div -= 1.0;
            }
        }
        double floordiv;
        if (div != 0.0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return floordiv;
    }

    /** {@code DOUBLE_IS_ODD_INTEGER}. */
    private static boolean isOddInteger(double x) {
        return Math.abs(x) % 2.0 == 1.0;
    }

    /**
     * {@code float_pow} with {@code z = None}. A negative base with a fractional exponent gives a
     * complex (through {@code complex_pow}), so the result is a float or a complex.
     */
    static Object pow(double iv, double iw) {
        if (iw == 0) return 1.0;
        if (Double.isNaN(iv)) return iv;
        if (Double.isNaN(iw)) return iv == 1.0 ? 1.0 : iw;
        if (Double.isInfinite(iw)) {
            iv = Math.abs(iv);
            if (iv == 1.0) return 1.0;
            if ((iw > 0.0) == (iv > 1.0)) return Math.abs(iw);
            return 0.0;
        }
        if (Double.isInfinite(iv)) {
            boolean odd = isOddInteger(iw);
            if (iw > 0.0) return odd ? iv : Math.abs(iv);
            return odd ? Math.copySign(0.0, iv) : 0.0;
        }
        if (iv == 0.0) {
            boolean odd = isOddInteger(iw);
            if (iw < 0.0) throw NotFoldable.INSTANCE;
            return odd ? iv : 0.0;
        }
        boolean negate = false;
        if (iv < 0.0) {
            if (iw != Math.floor(iw)) {
                return ComplexOps.pow(new double[] {iv, 0.0}, new double[] {iw, 0.0});
            }
            iv = -iv;
            negate = isOddInteger(iw);
        }
        if (iv == 1.0) return negate ? -1.0 : 1.0;
        LibM m = new LibM();
        double ix = m.pow(iv, iw);
        // _Py_ADJUST_ERANGE1: an infinite result is an OverflowError, an underflow to zero is not
        if (Double.isInfinite(ix) || (m.errno != 0 && !(m.errno == LibM.ERANGE && ix == 0.0))) {
            throw NotFoldable.INSTANCE;
        }
        return negate ? -ix : ix;
    }
}
