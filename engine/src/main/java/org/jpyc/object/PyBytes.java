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
