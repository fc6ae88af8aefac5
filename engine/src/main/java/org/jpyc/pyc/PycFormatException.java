package org.jpyc.pyc;

/**
 * A .pyc file (or its header) that cannot be read: bad magic number, truncation, unknown flags.
 * {@link #offset()} is the byte offset in the input where the problem was found.
 */
public final class PycFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public PycFormatException(String message, long offset) {
        super(message + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    public PycFormatException(String message, long offset, Throwable cause) {
        super(message + " (at byte offset " + offset + ")", cause);
        this.offset = offset;
    }

    /** Byte offset in the input where reading failed. */
    public long offset() {
        return offset;
    }
}
