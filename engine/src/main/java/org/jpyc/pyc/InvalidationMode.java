package org.jpyc.pyc;

/**
 * How importlib decides whether a .pyc is stale (PEP 552; {@code py_compile.PycInvalidationMode}).
 * Before 3.7 every pyc is {@link #TIMESTAMP}.
 */
public enum InvalidationMode {
    /** Header holds the source's mtime and size; stale when either differs. Flags 0. */
    TIMESTAMP(0),
    /** Header holds the source hash and importlib re-hashes the source on import. Flags 0b11. */
    CHECKED_HASH(0b11),
    /** Header holds the source hash but importlib never checks it (unless --check-hash-based-pycs always). Flags 0b01. */
    UNCHECKED_HASH(0b01);

    private final int flags;

    InvalidationMode(int flags) {
        this.flags = flags;
    }

    /** The PEP 552 flags word this mode writes. */
    public int flags() {
        return flags;
    }

    /** The mode a flags word means (bit 1 without bit 0 is a timestamp pyc, as in importlib). */
    public static InvalidationMode ofFlags(int flags) {
        if ((flags & 0b01) == 0) return TIMESTAMP;
        return (flags & 0b10) != 0 ? CHECKED_HASH : UNCHECKED_HASH;
    }
}
