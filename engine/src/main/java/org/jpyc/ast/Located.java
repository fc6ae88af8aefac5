package org.jpyc.ast;

/**
 * A node with the ASDL attributes {@code (int lineno, int col_offset, int? end_lineno,
 * int? end_col_offset)}: lines are 1-based, columns are 0-based offsets in the UTF-8 bytes of the
 * line. For {@code pattern} and {@code type_param} the end positions are required in the ASDL; here
 * they are nullable everywhere and the version's schema says whether absence can be printed.
 */
public abstract class Located extends Node {
    private int lineno;
    private int colOffset;
    private Integer endLineno;
    private Integer endColOffset;

    Located() {
    }

    public final void setPosition(int lineno, int colOffset, Integer endLineno, Integer endColOffset) {
        this.lineno = lineno;
        this.colOffset = colOffset;
        this.endLineno = endLineno;
        this.endColOffset = endColOffset;
    }

    public final int lineno() {
        return lineno;
    }

    public final int colOffset() {
        return colOffset;
    }

    /** The end line, or null if unknown. */
    public final Integer endLineno() {
        return endLineno;
    }

    /** The end column (UTF-8 bytes, exclusive), or null if unknown. */
    public final Integer endColOffset() {
        return endColOffset;
    }

    /** The value of an attribute by its ASDL name ({@code lineno}, {@code col_offset}, ...). */
    public final Object attribute(String name) {
        return switch (name) {
            case "lineno" -> lineno;
            case "col_offset" -> colOffset;
            case "end_lineno" -> endLineno;
            case "end_col_offset" -> endColOffset;
            default -> throw new IllegalArgumentException(nodeName() + " has no attribute " + name);
        };
    }
}
