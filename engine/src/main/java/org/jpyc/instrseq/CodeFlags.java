package org.jpyc.instrseq;

/**
 * {@code co_flags} bits (Include/cpython/code.h) and the compiler flags of {@code from __future__}
 * imports (Include/cpython/compile.h). The values have not changed between 3.10 and 3.13; flags
 * that exist only in some versions say so.
 */
public final class CodeFlags {
    private CodeFlags() {}

    public static final int CO_OPTIMIZED = 0x0001;
    public static final int CO_NEWLOCALS = 0x0002;
    public static final int CO_VARARGS = 0x0004;
    public static final int CO_VARKEYWORDS = 0x0008;
    public static final int CO_NESTED = 0x0010;
    public static final int CO_GENERATOR = 0x0020;
    /** Up to 3.10 only. */
    public static final int CO_NOFREE = 0x0040;
    public static final int CO_COROUTINE = 0x0080;
    public static final int CO_ITERABLE_COROUTINE = 0x0100;
    public static final int CO_ASYNC_GENERATOR = 0x0200;
    /** 3.14+: the code object has a docstring at co_consts[0]. */
    public static final int CO_HAS_DOCSTRING = 0x4000000;
    /** 3.14+: a function defined directly in a class body. */
    public static final int CO_METHOD = 0x8000000;

    /** {@code CO_FUTURE_*} (also stored in co_flags for the module and every nested unit). */
    public static final int CO_FUTURE_DIVISION = 0x20000;
    public static final int CO_FUTURE_ABSOLUTE_IMPORT = 0x40000;
    public static final int CO_FUTURE_WITH_STATEMENT = 0x80000;
    public static final int CO_FUTURE_PRINT_FUNCTION = 0x100000;
    public static final int CO_FUTURE_UNICODE_LITERALS = 0x200000;
    public static final int CO_FUTURE_BARRY_AS_BDFL = 0x400000;
    public static final int CO_FUTURE_GENERATOR_STOP = 0x800000;
    public static final int CO_FUTURE_ANNOTATIONS = 0x1000000;
    /** {@code PyCF_MASK}: the future flags that are inherited into co_flags. */
    public static final int PYCF_MASK = CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT | CO_FUTURE_WITH_STATEMENT
            | CO_FUTURE_PRINT_FUNCTION | CO_FUTURE_UNICODE_LITERALS | CO_FUTURE_BARRY_AS_BDFL
            | CO_FUTURE_GENERATOR_STOP | CO_FUTURE_ANNOTATIONS;
}
