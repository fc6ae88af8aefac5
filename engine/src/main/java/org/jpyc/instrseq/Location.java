package org.jpyc.instrseq;

/**
 * A source span as CPython's compiler carries it ({@code _Py_SourceLocation}): 1-based lines, 0-based
 * columns in UTF-8 bytes; -1 where unknown. {@link #NO_LOCATION} is CPython's {@code NO_LOCATION}
 * ({@code -1, -1, -1, -1}); {@link #NEXT_LOCATION} ({@code -2, -2, -2, -2}) is what 3.14's codegen gives the
 * POP_TOP after a matched case ("the location of the next instruction"), which flowgraph resolves.
 */
public record Location(int lineno, int endLineno, int colOffset, int endColOffset) {
    public static final Location NO_LOCATION = new Location(-1, -1, -1, -1);
    /** CPython's {@code NEXT_LOCATION} (3.14 codegen: take the next instruction's location). */
    public static final Location NEXT_LOCATION = new Location(-2, -2, -2, -2);

    /** CPython's {@code LOC(node)}: the node's four position attributes (an unknown end is -1). */
    public static Location of(org.jpyc.ast.Located n) {
        // kept under C1's inlining size (35 bytecodes): codegen asks it for nearly every instruction
        return new Location(n.lineno(), orUnknown(n.rawEndLineno()), n.colOffset(), orUnknown(n.rawEndColOffset()));
    }

    /** An absent end position ({@link Integer#MIN_VALUE} in the node) as -1. */
    private static int orUnknown(int raw) {
        return raw == Integer.MIN_VALUE ? -1 : raw;
    }

    /** CPython's {@code LOCATION(l, l, -1, -1)} forms etc. */
    public static Location lines(int lineno) {
        return new Location(lineno, lineno, -1, -1);
    }

    public boolean isNone() {
        return lineno == -1 && endLineno == -1 && colOffset == -1 && endColOffset == -1;
    }

    // equals and hashCode written out: a record's own go through an invokedynamic method handle,
    // and the location table compares the locations of consecutive instructions

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Location l && l.lineno == lineno && l.endLineno == endLineno
                && l.colOffset == colOffset && l.endColOffset == endColOffset);
    }

    @Override
    public int hashCode() {
        return ((lineno * 31 + endLineno) * 31 + colOffset) * 31 + endColOffset;
    }

    public Location withLineno(int l) {
        return new Location(l, endLineno, colOffset, endColOffset);
    }
}
