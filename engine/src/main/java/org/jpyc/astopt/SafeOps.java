package org.jpyc.astopt;

import java.math.BigInteger;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;

/**
 * The size guards of ast_opt.c that keep folding from building huge constants:
 * {@code safe_multiply}, {@code safe_power}, {@code safe_lshift}, {@code safe_mod} and
 * {@code check_complexity}. Each refuses (gives {@link NotFoldable}) or evaluates the operation.
 */
final class SafeOps {
    private SafeOps() {}

    /** {@code MAX_INT_SIZE}: bits. */
    static final int MAX_INT_SIZE = 128;
    /** {@code MAX_COLLECTION_SIZE}: items. */
    static final int MAX_COLLECTION_SIZE = 256;
    /** {@code MAX_STR_SIZE}: characters (or bytes). */
    static final int MAX_STR_SIZE = 4096;
    /** {@code MAX_TOTAL_ITEMS}: items, nested collections included. */
    static final int MAX_TOTAL_ITEMS = 1024;

    /** {@code check_complexity}: the limit less the items of nested tuples; negative past it. */
    static long checkComplexity(PyObject obj, long limit) {
        if (obj instanceof PyTuple t) {
            limit -= t.size();
            for (int i = 0; limit >= 0 && i < t.size(); i++) {
                limit = checkComplexity(t.get(i), limit);
            }
        }
        return limit;
    }

    /** {@code PyLong_AsLong}: OverflowError outside a C long. */
    private static long asLong(BigInteger v) {
        if (v.bitLength() > 63) throw NotFoldable.INSTANCE;
        return v.longValue();
    }

    /** {@code _PyLong_NumBits}: bits of the absolute value. */
    private static long numBits(BigInteger v) {
        return v.abs().bitLength();
    }

    /** {@code PyLong_AsSize_t}: OverflowError for a negative value or one past 64 bits. */
    private static long asSizeT(BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 64) throw NotFoldable.INSTANCE;
        return v.bitLength() == 64 ? Long.MAX_VALUE : v.longValue(); // beyond any limit either way
    }

    /** {@code safe_multiply}. */
    static PyObject multiply(PyObject v, PyObject w) {
        boolean vInt = ConstantOps.isInt(v);
        boolean wInt = ConstantOps.isInt(w);
        if (vInt && wInt) {
            BigInteger a = ConstantOps.intValue(v);
            BigInteger b = ConstantOps.intValue(w);
            if (a.signum() != 0 && b.signum() != 0 && numBits(a) + numBits(b) > MAX_INT_SIZE) {
                throw NotFoldable.INSTANCE;
            }
        } else if (vInt && w instanceof PyTuple t) {
            int size = t.size();
            if (size != 0) {
                long n = asLong(ConstantOps.intValue(v));
                if (n < 0 || n > MAX_COLLECTION_SIZE / size) throw NotFoldable.INSTANCE;
                if (n != 0 && checkComplexity(w, MAX_TOTAL_ITEMS / n) < 0) throw NotFoldable.INSTANCE;
            }
        } else if (vInt && (w instanceof PyStr || w instanceof PyBytes)) {
            int size = w instanceof PyStr s ? s.length() : ((PyBytes) w).value().length;
            if (size != 0) {
                long n = asLong(ConstantOps.intValue(v));
                if (n < 0 || n > MAX_STR_SIZE / size) throw NotFoldable.INSTANCE;
            }
        } else if (wInt && (v instanceof PyTuple || v instanceof PyStr || v instanceof PyBytes)) {
            return multiply(w, v);
        }
        return ConstantOps.binary(org.jpyc.ast.OperatorNode.Mult, v, w);
    }

    /** {@code safe_power}. */
    static PyObject power(PyObject v, PyObject w) {
        if (ConstantOps.isInt(v) && ConstantOps.isInt(w)) {
            BigInteger a = ConstantOps.intValue(v);
            BigInteger b = ConstantOps.intValue(w);
            if (a.signum() != 0 && b.signum() > 0) {
                long vbits = numBits(a);
                long wbits = asSizeT(b);
                if (vbits > MAX_INT_SIZE / wbits) throw NotFoldable.INSTANCE;
            }
        }
        return ConstantOps.binary(org.jpyc.ast.OperatorNode.Pow, v, w);
    }

    /** {@code safe_lshift}. */
    static PyObject lshift(PyObject v, PyObject w) {
        if (ConstantOps.isInt(v) && ConstantOps.isInt(w)) {
            BigInteger a = ConstantOps.intValue(v);
            BigInteger b = ConstantOps.intValue(w);
            if (a.signum() != 0 && b.signum() != 0) {
                long vbits = numBits(a);
                long wbits = asSizeT(b);
                if (wbits > MAX_INT_SIZE || vbits > MAX_INT_SIZE - wbits) throw NotFoldable.INSTANCE;
            }
        }
        return ConstantOps.binary(org.jpyc.ast.OperatorNode.LShift, v, w);
    }

    /** {@code safe_mod}: never folds a str or bytes left operand (that is %-formatting). */
    static PyObject mod(PyObject v, PyObject w) {
        if (v instanceof PyStr || v instanceof PyBytes) throw NotFoldable.INSTANCE;
        return ConstantOps.binary(org.jpyc.ast.OperatorNode.Mod, v, w);
    }
}
