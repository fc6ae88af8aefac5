package org.jpyc.object;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.jpyc.version.PyVersion;

/**
 * Python's {@code ==} between hashable constants, as set and dict insertion uses it
 * ({@code PyObject_RichCompareBool}: identity first, then value equality).
 *
 * <p>Numbers compare by exact mathematical value across int, bool, float and complex
 * ({@code 1 == 1.0 == True == (1+0j)}); {@code nan} equals only itself (the same object); str and
 * bytes are never equal to each other; tuples and slices compare item by item; frozensets compare as
 * sets. Code objects compare by identity only (CPython compares their fields; two equal code objects
 * in one set never come out of the compiler).
 */
final class PyEquality {
    private PyEquality() {}

    static boolean equal(PyObject a, PyObject b, PyVersion v, int depth) {
        if (a == b) return true;
        if (depth > PyHash.MAX_DEPTH) throw PyObjectException.tooDeep();
        if (isNumber(a) && isNumber(b)) return numbersEqual(a, b);
        if (a instanceof PyStr x && b instanceof PyStr y) return x.sameText(y);
        if (a instanceof PyBytes x && b instanceof PyBytes y) return Arrays.equals(x.value(), y.value());
        if (a instanceof PyTuple x && b instanceof PyTuple y) return itemsEqual(x.items(), y.items(), v, depth);
        if (a instanceof PySlice x && b instanceof PySlice y) {
            return equal(x.start(), y.start(), v, depth + 1) && equal(x.stop(), y.stop(), v, depth + 1)
                    && equal(x.step(), y.step(), v, depth + 1);
        }
        if (a instanceof PySet x && b instanceof PySet y) {
            SetLayout.Table tx = SetLayout.build(x.items(), v, depth + 1);
            SetLayout.Table ty = SetLayout.build(y.items(), v, depth + 1);
            if (tx.size() != ty.size()) return false;
            for (PyObject item : tx.order()) {
                if (!ty.contains(item, v, depth + 1)) return false;
            }
            return true;
        }
        if (a instanceof PyList x && b instanceof PyList y) return itemsEqual(x.items(), y.items(), v, depth);
        return false;
    }

    private static boolean itemsEqual(List<PyObject> x, List<PyObject> y, PyVersion v, int depth) {
        if (x.size() != y.size()) return false;
        for (int i = 0; i < x.size(); i++) {
            if (!equal(x.get(i), y.get(i), v, depth + 1)) return false;
        }
        return true;
    }

    static boolean isNumber(PyObject o) {
        return o instanceof PyInt || o instanceof PyFloat || o instanceof PyComplex
                || o == PyConst.TRUE || o == PyConst.FALSE;
    }

    private static boolean numbersEqual(PyObject a, PyObject b) {
        if (a instanceof PyComplex ca) {
            if (b instanceof PyComplex cb) return ca.real() == cb.real() && ca.imag() == cb.imag();
            return ca.imag() == 0 && realEquals(b, ca.real());
        }
        if (b instanceof PyComplex cb) return cb.imag() == 0 && realEquals(a, cb.real());
        if (a instanceof PyFloat fa) return realEquals(b, fa.value());
        if (b instanceof PyFloat fb) return realEquals(a, fb.value());
        return intValue(a).equals(intValue(b));
    }

    /** Whether the real number {@code o} (int, bool or float) equals {@code d} exactly. */
    private static boolean realEquals(PyObject o, double d) {
        if (o instanceof PyFloat f) return f.value() == d;
        if (Double.isNaN(d) || Double.isInfinite(d)) return false;
        BigInteger i = intValue(o);
        if (d != Math.rint(d)) return false;
        if (i.bitLength() < 53 && Math.abs(d) < 0x1p53) return i.longValue() == (long) d;
        return new BigDecimal(d).toBigIntegerExact().equals(i);
    }

    private static BigInteger intValue(PyObject o) {
        if (o instanceof PyInt i) return i.value();
        return o == PyConst.TRUE ? BigInteger.ONE : BigInteger.ZERO;
    }
}
