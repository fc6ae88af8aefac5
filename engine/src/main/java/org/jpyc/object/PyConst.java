package org.jpyc.object;

/** The singletons marshal writes as one type byte: None, True, False, Ellipsis, StopIteration and NULL. */
public final class PyConst extends PyObject {
    public enum Kind { NONE, TRUE, FALSE, ELLIPSIS, STOP_ITERATION, NULL }

    public static final PyConst NONE = new PyConst(Kind.NONE);
    public static final PyConst TRUE = new PyConst(Kind.TRUE);
    public static final PyConst FALSE = new PyConst(Kind.FALSE);
    public static final PyConst ELLIPSIS = new PyConst(Kind.ELLIPSIS);
    public static final PyConst STOP_ITERATION = new PyConst(Kind.STOP_ITERATION);
    /** Marshal's {@code TYPE_NULL}: ends a dict; never a user-visible value. */
    public static final PyConst NULL = new PyConst(Kind.NULL);

    private final Kind kind;

    private PyConst(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static PyConst bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    @Override
    public String typeName() {
        return switch (kind) {
            case NONE -> "NoneType";
            case TRUE, FALSE -> "bool";
            case ELLIPSIS -> "ellipsis";
            case STOP_ITERATION -> "type";
            case NULL -> "NULL";
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "None";
            case TRUE -> "True";
            case FALSE -> "False";
            case ELLIPSIS -> "Ellipsis";
            case STOP_ITERATION -> "StopIteration";
            case NULL -> "<NULL>";
        };
    }
}
