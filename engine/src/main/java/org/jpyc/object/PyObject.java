package org.jpyc.object;

/**
 * A Python value as marshal stores it: the shared currency of marshal, code objects, dis and the
 * compiler.
 *
 * <p>Identity matters. A graph loaded from marshal data has one Java instance per object that was
 * written in full, and {@code TYPE_REF} back-references resolve to that same instance, so writing
 * the graph again reproduces the references. {@link #refFlag()} records whether the object carried
 * marshal's {@code FLAG_REF} bit when it was read; {@code null} means "not loaded: let the writer
 * apply CPython's rule".
 */
public abstract sealed class PyObject
        permits PyConst, PyInt, PyFloat, PyComplex, PyStr, PyBytes, PyTuple, PyList, PyDict, PySet,
                PySlice, PyCode {

    private static final byte FLAG_UNKNOWN = 0, FLAG_FALSE = 1, FLAG_TRUE = 2;

    /** The flag as a byte rather than a Boolean: storing it into a new object needs no GC write barrier. */
    private byte refFlag;

    /** Whether marshal data flagged this object with {@code FLAG_REF}; {@code null} if unknown. */
    public final Boolean refFlag() {
        return refFlag == FLAG_UNKNOWN ? null : refFlag == FLAG_TRUE ? Boolean.TRUE : Boolean.FALSE;
    }

    public final void setRefFlag(Boolean flag) {
        this.refFlag = flag == null ? FLAG_UNKNOWN : flag ? FLAG_TRUE : FLAG_FALSE;
    }

    /** The Python type name ({@code int}, {@code str}, {@code code}, ...). */
    public abstract String typeName();
}
