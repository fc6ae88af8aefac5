package org.jpyc.astopt;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jpyc.ast.OperatorNode;
import org.jpyc.ast.UnaryopNode;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PySlice;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.version.PyVersion;

/**
 * The constant operations of this package for the folding that 3.14 moved into the CFG
 * ({@code eval_const_binop}, {@code eval_const_unaryop} and the {@code const_folding_safe_*} guards of
 * Python/flowgraph.c 3.14, the same rules as ast_opt.c's {@code safe_*}). Each returns null where
 * Python would raise (the folder then clears the error and leaves the code alone).
 */
public final class ConstEval {
    private ConstEval() {}

    /** {@code eval_const_binop} for a binary operator (in-place forms are never folded), with {@code version}'s arithmetic. */
    public static PyObject binop(OperatorNode op, PyObject l, PyObject r, PyVersion version) {
        try {
            // one complex and one real operand: 3.14's mixed-mode rules (no size limits apply to floats)
            PyObject mixed = version.has(org.jpyc.version.Feature.COMPLEX_MIXED_MODE) ? ConstantOps.mixedComplex(op, l, r) : null;
            if (mixed != null) return mixed;
            return switch (op) {
                case Mult -> SafeOps.multiply(l, r);
                case Mod -> SafeOps.mod(l, r);
                case Pow -> SafeOps.power(l, r);
                case LShift -> SafeOps.lshift(l, r);
                case MatMult -> null;
                default -> ConstantOps.binary(op, l, r);
            };
        } catch (NotFoldable | ArithmeticException e) {
            return null;
        }
    }

    /** {@code PyObject_GetItem(container, index)} ({@code NB_SUBSCR}): an int index or a slice of a str, bytes or tuple. */
    public static PyObject subscript(PyObject container, PyObject index) {
        try {
            if (index instanceof PySlice s) return slice(container, s);
            return ConstantOps.getItem(container, index);
        } catch (NotFoldable | ArithmeticException e) {
            return null;
        }
    }

    /** {@code eval_const_unaryop}: {@code -x}, {@code ~x}, {@code not x}, {@code +x}. */
    public static PyObject unary(UnaryopNode op, PyObject v, PyVersion version) {
        try {
            return ConstantOps.unary(op, v, version);
        } catch (NotFoldable | ArithmeticException e) {
            return null;
        }
    }

    /** {@code PyObject_IsTrue}, or null where jpyc cannot tell (an object without a known truth value). */
    public static Boolean isTrue(PyObject v) {
        try {
            return ConstantOps.isTrue(v);
        } catch (NotFoldable e) {
            return null;
        }
    }

    /** {@code PyFrozenSet_New(items)}, or null if an item is unhashable. */
    public static PySet frozenset(PyTuple items, PyVersion version) {
        try {
            return ConstantOps.frozenset(items, version);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code container[start:stop:step]} with int (or bool) or None bounds ({@code PySlice_Unpack}, {@code PySlice_AdjustIndices}). */
    private static PyObject slice(PyObject container, PySlice s) {
        int len;
        if (container instanceof PyStr str) len = str.length();
        else if (container instanceof PyBytes b) len = b.value().length;
        else if (container instanceof PyTuple t) len = t.size();
        else return null;
        long step = bound(s.step(), 1);
        if (step == 0) return null; // ValueError: slice step cannot be zero
        long start = bound(s.start(), step < 0 ? Long.MAX_VALUE : 0);
        long stop = bound(s.stop(), step < 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
        // PySlice_AdjustIndices
        if (start < 0) {
            start += len;
            if (start < 0) start = step < 0 ? -1 : 0;
        } else if (start >= len) {
            start = step < 0 ? len - 1 : len;
        }
        if (stop < 0) {
            stop += len;
            if (stop < 0) stop = step < 0 ? -1 : 0;
        } else if (stop >= len) {
            stop = step < 0 ? len - 1 : len;
        }
        List<Integer> idx = new ArrayList<>();
        if (step > 0) {
            for (long i = start; i < stop; i += step) idx.add((int) i);
        } else {
            for (long i = start; i > stop; i += step) idx.add((int) i);
        }
        // A step other than 1 builds a new object of the slice's length (unicode_subscript's and bytes_subscript's
        // general case: PyUnicode_New, PyBytes_FromStringAndSize(NULL, n)), never the runtime's one-character or
        // one-byte singleton that a step-1 slice (PyUnicode_Substring, PyBytes_FromStringAndSize(p, n)) returns.
        boolean fresh = step != 1 && idx.size() == 1;
        if (container instanceof PyStr str) {
            int[] cps = str.codePoints();
            int[] out = new int[idx.size()];
            for (int k = 0; k < out.length; k++) out[k] = cps[idx.get(k)];
            PyStr r = PyStr.ofCodePoints(out, false);
            return fresh ? r.markFresh() : r;
        }
        if (container instanceof PyBytes b) {
            byte[] out = new byte[idx.size()];
            for (int k = 0; k < out.length; k++) out[k] = b.value()[idx.get(k)];
            PyBytes r = new PyBytes(out);
            return fresh ? r.markFresh() : r;
        }
        PyTuple t = (PyTuple) container;
        List<PyObject> out = new ArrayList<>(idx.size());
        for (int k : idx) out.add(t.get(k));
        return new PyTuple(out);
    }

    /** One bound of a slice ({@code _PyEval_SliceIndex}, clamped to a C ssize_t): None gives {@code dflt}. */
    private static long bound(PyObject o, long dflt) {
        if (o == PyConst.NONE) return dflt;
        if (!ConstantOps.isInt(o)) throw NotFoldable.INSTANCE;
        BigInteger v = ConstantOps.intValue(o);
        if (v.bitLength() > 62) return v.signum() < 0 ? -(1L << 62) : (1L << 62);
        return v.longValue();
    }
}
