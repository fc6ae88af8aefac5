package org.jpyc.ast;

/**
 * A node with the ASDL attributes {@code (int lineno, int col_offset, int? end_lineno,
 * int? end_col_offset)}: lines are 1-based, columns are 0-based offsets in the UTF-8 bytes of the
 * line. For {@code pattern} and {@code type_param} the end positions are required in the ASDL; here
 * they are nullable everywhere and the version's schema says whether absence can be printed.
 */
public abstract class Located extends Node {
    /** Stored for an absent end position (kept unboxed: every parsed node has positions). */
    private static final int NONE = Integer.MIN_VALUE;

    private int lineno;
    private int colOffset;
    private int endLineno = NONE;
    private int endColOffset = NONE;

    Located() {
    }

    public final void setPosition(int lineno, int colOffset, int endLineno, int endColOffset) {
        this.lineno = lineno;
        this.colOffset = colOffset;
        this.endLineno = endLineno;
        this.endColOffset = endColOffset;
    }

    /** As {@link #setPosition(int, int, int, int)}, with null for an unknown end. */
    public final void setPosition(int lineno, int colOffset, Integer endLineno, Integer endColOffset) {
        setPosition(lineno, colOffset, endLineno == null ? NONE : endLineno, endColOffset == null ? NONE : endColOffset);
    }

    public final int lineno() {
        return lineno;
    }

    public final int colOffset() {
        return colOffset;
    }

    /** The end line, or null if unknown. */
    public final Integer endLineno() {
        return endLineno == NONE ? null : endLineno;
    }

    /** The end column (UTF-8 bytes, exclusive), or null if unknown. */
    public final Integer endColOffset() {
        return endColOffset == NONE ? null : endColOffset;
    }

    /** {@link #endLineno()} unboxed: {@link Integer#MIN_VALUE} when unknown. */
    public final int rawEndLineno() {
        return endLineno;
    }

    /** {@link #endColOffset()} unboxed: {@link Integer#MIN_VALUE} when unknown. */
    public final int rawEndColOffset() {
        return endColOffset;
    }

    /** The value of an attribute by its ASDL name ({@code lineno}, {@code col_offset}, ...). */
    public final Object attribute(String name) {
        return switch (name) {
            case "lineno" -> lineno;
            case "col_offset" -> colOffset;
            case "end_lineno" -> endLineno();
            case "end_col_offset" -> endColOffset();
            default -> throw new IllegalArgumentException(nodeName() + " has no attribute " + name);
        };
    }
}
