package org.jpyc.flowgraph;

import java.math.BigInteger;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jpyc.instrseq.OpTable;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;

/**
 * The plain constants of 3.15's {@code _common_constants} (None, '', True, False, -1), which the
 * optimizer loads with LOAD_COMMON_CONSTANT (Python/flowgraph.c 3.15, "Simplify LOAD_CONST"). Their
 * indices come from the generated table's {@code common_constants} list, by repr; the other entries
 * (AssertionError, tuple, ...) are not constants a code object can hold. One per version, in its
 * {@link OpcodeFacts}.
 */
final class CommonConstants {
    private static final BigInteger MINUS_ONE = BigInteger.ONE.negate();
    private final int none, emptyStr, isTrue, isFalse, minusOne;

    CommonConstants(OpTable table) {
        List<String> l = table.list("common_constants");
        this.none = l.indexOf("None");
        this.emptyStr = l.indexOf("''");
        this.isTrue = l.indexOf("True");
        this.isFalse = l.indexOf("False");
        this.minusOne = l.indexOf("-1");
    }

    /** The LOAD_COMMON_CONSTANT oparg that loads {@code o}, or -1 if none does. */
    int indexOf(PyObject o) {
        if (o instanceof PyConst c) {
            return switch (c.kind()) {
                case NONE -> none;
                case TRUE -> isTrue;
                case FALSE -> isFalse;
                default -> -1;
            };
        }
        if (o instanceof PyStr s && s.raw().length == 0) return emptyStr; // (value() would decode a String)
        if (o instanceof PyInt i && i.fitsLong() && i.longValue() == -1) return minusOne; // (value() would make a BigInteger)
        return -1;
    }

    /** Whether {@code oparg} loads one of the plain constants. */
    boolean isPlain(int oparg) {
        return oparg >= 0 && (oparg == none || oparg == emptyStr || oparg == isTrue || oparg == isFalse || oparg == minusOne);
    }

    /**
     * The constant LOAD_COMMON_CONSTANT {@code oparg} loads (the module's one object for '' and -1, by
     * {@code mergeOne}, {@code _PyCompile_ConstCacheMergeOne}).
     */
    PyObject value(int oparg, UnaryOperator<PyObject> mergeOne) {
        if (oparg == none) return PyConst.NONE;
        if (oparg == isTrue) return PyConst.TRUE;
        if (oparg == isFalse) return PyConst.FALSE;
        if (oparg == emptyStr) return mergeOne.apply(PyStr.of("", false));
        if (oparg == minusOne) return mergeOne.apply(new PyInt(MINUS_ONE));
        throw new IllegalArgumentException("LOAD_COMMON_CONSTANT " + oparg + " is not a plain constant");
    }
}
