package org.jpyc.marshal;

/**
 * Marshal data that cannot be loaded: truncation, an unknown type code, a bad reference, a size
 * larger than the data, nesting deeper than CPython allows, malformed text. {@link #offset()} is the
 * byte offset (in the array given to the reader) where the problem was found.
 */
public final class MarshalFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    public MarshalFormatException(String message, int offset) {
        super(message + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    /** Byte offset where reading failed. */
    public int offset() {
        return offset;
    }
}
