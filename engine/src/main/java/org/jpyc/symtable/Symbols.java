package org.jpyc.symtable;

/**
 * Symbol flag bits and scopes (Include/internal/pycore_symtable.h, 3.13). A symbol's flags are the
 * {@code DEF_*}/{@code USE} bits; its scope is {@code (flags >> SCOPE_OFFSET) & SCOPE_MASK_BITS}.
 */
public final class Symbols {
    private Symbols() {}

    public static final int DEF_GLOBAL = 1;
    public static final int DEF_LOCAL = 2;
    public static final int DEF_PARAM = 2 << 1;
    public static final int DEF_NONLOCAL = 2 << 2;
    public static final int USE = 2 << 3;
    public static final int DEF_FREE = 2 << 4;
    public static final int DEF_FREE_CLASS = 2 << 5;
    public static final int DEF_IMPORT = 2 << 6;
    public static final int DEF_ANNOT = 2 << 7;
    public static final int DEF_COMP_ITER = 2 << 8;
    public static final int DEF_TYPE_PARAM = 2 << 9;
    public static final int DEF_COMP_CELL = 2 << 10;
    public static final int DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

    public static final int SCOPE_OFFSET = 12;
    /** The bits of the scope value once shifted down. */
    public static final int SCOPE_MASK_BITS = 0x7;

    public static final int LOCAL = 1;
    public static final int GLOBAL_EXPLICIT = 2;
    public static final int GLOBAL_IMPLICIT = 3;
    public static final int FREE = 4;
    public static final int CELL = 5;

    /** The scope ({@link #LOCAL} .. {@link #CELL}, 0 if unresolved) of a symbol's flags. */
    public static int scopeOf(long flags) {
        return (int) ((flags >> SCOPE_OFFSET) & SCOPE_MASK_BITS);
    }
}
