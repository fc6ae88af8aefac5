package org.jpyc.code;

/**
 * A code object field (bytecode, line table, exception table, localsplus) that cannot be decoded.
 * Names the field and the byte offset inside it where decoding failed.
 */
public final class CodeFormatException extends RuntimeException {
    private final String field;
    private final long offset;

    public CodeFormatException(String field, long offset, String message) {
        super(field + " at byte offset " + offset + ": " + message);
        this.field = field;
        this.offset = offset;
    }

    /** {@code co_code}, {@code co_linetable}, {@code co_exceptiontable}, ... */
    public String field() {
        return field;
    }

    /** Byte offset inside {@link #field()}. */
    public long offset() {
        return offset;
    }
}
