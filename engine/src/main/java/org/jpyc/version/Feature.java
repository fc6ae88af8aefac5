package org.jpyc.version;

/**
 * Everything that differs between CPython versions, each with the first version that has it and,
 * where it was later removed, the first version that no longer has it. This is the only table
 * mapping behaviour to version numbers; the rest of jpyc asks {@link PyVersion#has(Feature)}.
 */
public enum Feature {
    // ---- code object layout (marshal order of fields) ----
    /** {@code co_kwonlyargcount} (PEP 3102). */
    KWONLY_ARGS(3, 0),
    /** {@code co_posonlyargcount} (PEP 570). */
    POSONLY_ARGS(3, 8),
    /** {@code co_nlocals}, {@code co_varnames}, {@code co_cellvars} as separate fields; replaced by localsplus in 3.11. */
    SEPARATE_LOCALS_FIELDS(2, 0, 3, 11),
    /** {@code co_localsplusnames} and {@code co_localspluskinds}. */
    LOCALSPLUS(3, 11),
    /** {@code co_qualname}. */
    CODE_QUALNAME(3, 11),
    /** {@code co_lnotab}: (bytecode delta, line delta) pairs. */
    LNOTAB(2, 0, 3, 10),
    /** The 3.10 {@code co_linetable} (PEP 626): (bytecode delta, signed line delta) pairs. */
    LINETABLE_310(3, 10, 3, 11),
    /** The 3.11+ location table (PEP 657): lines and columns per code unit. */
    LOCATION_TABLE(3, 11),
    /** {@code co_exceptiontable}: zero-cost exceptions. */
    EXCEPTION_TABLE(3, 11),

    // ---- bytecode ----
    /** Two-byte code units (opcode, oparg) for every instruction. */
    WORDCODE(3, 6),
    /** Inline cache entries after specializable instructions (PEP 659). */
    INLINE_CACHES(3, 11),
    /** Jump arguments count code units rather than bytes. */
    JUMP_ARGS_IN_UNITS(3, 10),

    // ---- marshal ----
    /** Marshal format 5: {@code TYPE_SLICE}. */
    MARSHAL_SLICE(3, 14),
    /** marshal sorts the items of a frozenset when writing. */
    MARSHAL_SORTS_FROZENSET(3, 11),

    // ---- pyc ----
    /** The 16-byte header with a flags word (PEP 552). */
    PYC_FLAGS_WORD(3, 7),
    /** {@code str} hashing is SipHash-1-3 rather than SipHash-2-4. */
    SIPHASH13_STR_HASH(3, 11),

    // ---- dis ----
    /** {@code dis} prints jump targets as labels ({@code L1:}) and hides offsets by default. */
    DIS_LABELS(3, 13),
    /** {@code dis} prints source positions as (line, column) data hidden by default; CACHE entries hidden. */
    DIS_HIDES_CACHES(3, 11);

    private final int fromMajor;
    private final int fromMinor;
    private final int untilMajor;
    private final int untilMinor;

    Feature(int fromMajor, int fromMinor) {
        this(fromMajor, fromMinor, 99, 99);
    }

    Feature(int fromMajor, int fromMinor, int untilMajor, int untilMinor) {
        this.fromMajor = fromMajor;
        this.fromMinor = fromMinor;
        this.untilMajor = untilMajor;
        this.untilMinor = untilMinor;
    }

    boolean in(PyVersion v) {
        return v.atLeast(fromMajor, fromMinor) && !v.atLeast(untilMajor, untilMinor);
    }

    /** The first version with this feature, as {@code X.Y}. */
    public String since() {
        return fromMajor + "." + fromMinor;
    }
}
