package org.jpyc.object;

/**
 * A Python {@code bytes} ({@code 's'} TYPE_STRING). In Python 2 data the same type code is the
 * byte-string {@code str}; {@link #interned()} marks Python 2's {@code 't'} TYPE_INTERNED, and
 * {@link #stringRef()} Python 2's {@code 'R'} TYPE_STRINGREF back-reference to one.
 */
public final class PyBytes extends PyObject {
    private final byte[] value;
    private final boolean interned;

    public PyBytes(byte[] value) {
        this(value, false);
    }

    public PyBytes(byte[] value, boolean interned) {
        this.value = value;
        this.interned = interned;
    }

    /** The bytes (do not modify). */
    public byte[] value() {
        return value;
    }

    /** A hash of the bytes ({@link org.jpyc.util.ByteHash}), cached (they do not change). */
    public int contentHash() {
        int h = hash;
        if (h == 0) {
            h = org.jpyc.util.ByteHash.of(value);
            if (h == 0) h = 1;
            hash = h;
        }
        return h;
    }

    private int hash;

    /**
     * Marks this bytes as a new object that CPython allocated without asking for the runtime's empty or one-byte
     * singletons ({@code PyBytes_FromStringAndSize(NULL, n)} returns a new object for one byte;
     * {@code bytes_repeat} allocates its result, empty included): a slice with a step other than 1
     * ({@code bytes_subscript}; 3.14's flowgraph folds such slices of constants) and a repeat to no bytes
     * ({@code b'a' * 0}). Such a bytes is shared only as the constant cache and the graph share it. Returns this.
     */
    public PyBytes markFresh() {
        fresh = true;
        return this;
    }

    /** Whether {@link #markFresh()} was called: an empty or one-byte bytes that is not the runtime's singleton. */
    public boolean isFresh() {
        return fresh;
    }

    private boolean fresh;

    /** Python 2 only: stored as TYPE_INTERNED. */
    public boolean interned() {
        return interned;
    }

    @Override
    public String typeName() {
        return "bytes";
    }

    @Override
    public String toString() {
        return "b[" + value.length + "]";
    }
}
