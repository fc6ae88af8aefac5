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

    /** {@link #ref} values; a positive value is a flagged object the reader gave reference index {@code ref - 1}. */
    private static final int REF_UNKNOWN = 0, REF_NOT_FLAGGED = -1, REF_FLAGGED = -2;

    /**
     * The loaded {@code FLAG_REF} bit, and for flagged objects the reference index the reader gave
     * them: one int rather than a Boolean, so that storing it into a new object needs no GC write
     * barrier, and the index costs no extra field.
     */
    private int ref;

    /**
     * A hash of this object's identity, for the identity tables of a compilation (constants by object,
     * the marshal writer's references, the FLAG_REF walk): drawn once from {@link #nextIdentityHash} and kept.
     * 0: not asked yet. It is set by compare-and-set, so that threads racing to fill it in (for an object that
     * several compilations share) all keep the first value set.
     */
    private int identityHash;

    private static final java.lang.invoke.VarHandle IDENTITY_HASH;

    static {
        try {
            IDENTITY_HASH = java.lang.invoke.MethodHandles.lookup().findVarHandle(PyObject.class, "identityHash", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * The last identity hash handed out: each new one adds the golden ratio's 32-bit fraction (a Weyl sequence,
     * spread over the int range). Cheaper than {@link System#identityHashCode} (which installs the hash in the
     * object's header: without it, `jpyc ab` timed compiles 1-3% faster under C2; docs/ARCHITECTURE.md gives the runs). Not synchronized: threads that
     * race may hand out one value twice, which only puts two objects in one bucket (the tables compare identity,
     * never the hash alone). No output depends on these values, as none did on {@link System#identityHashCode}'s,
     * which differ from run to run.
     */
    private static int nextIdentityHash;

    /** This object's identity hash, made on first request (never 0). */
    public final int identityHash() {
        int h = identityHash;
        return h != 0 ? h : newIdentityHash();
    }

    /** The first {@link #identityHash()}: a new value, unless another thread set one first. */
    private int newIdentityHash() {
        int h = nextIdentityHash += 0x9E3779B9;
        if (h == 0) h = nextIdentityHash += 0x9E3779B9;
        return IDENTITY_HASH.compareAndSet(this, 0, h) ? h : (int) IDENTITY_HASH.getVolatile(this);
    }

    /** Whether marshal data flagged this object with {@code FLAG_REF}; {@code null} if unknown. */
    public final Boolean refFlag() {
        return ref == REF_UNKNOWN ? null : ref == REF_NOT_FLAGGED ? Boolean.FALSE : Boolean.TRUE;
    }

    /** Sets the loaded flag (forgetting any reference index). */
    public final void setRefFlag(Boolean flag) {
        this.ref = flag == null ? REF_UNKNOWN : flag ? REF_FLAGGED : REF_NOT_FLAGGED;
    }

    /**
     * Marks this object as loaded with {@code FLAG_REF} as reference number {@code index} of its
     * stream. A hint for the writer: writing the same graph back numbers it the same way, so it can
     * find flagged objects by this index instead of by identity hashing.
     */
    public final void setLoadedRef(int index) {
        if (index < 0 || index == Integer.MAX_VALUE) throw new IllegalArgumentException("reference index " + index);
        this.ref = index + 1;
    }

    /** Whether marshal data was read with this object and without {@code FLAG_REF} ({@code refFlag() == FALSE}, unboxed). */
    public final boolean loadedUnflagged() {
        return ref == REF_NOT_FLAGGED;
    }

    /** Whether marshal data was read with this object and with {@code FLAG_REF} ({@code refFlag() == TRUE}, unboxed). */
    public final boolean loadedFlagged() {
        return ref > 0 || ref == REF_FLAGGED;
    }

    /** The reference index the reader gave this object ({@link #setLoadedRef}), or -1. */
    public final int loadedRefIndex() {
        return ref > 0 ? ref - 1 : -1;
    }

    /** The Python type name ({@code int}, {@code str}, {@code code}, ...). */
    public abstract String typeName();
}
