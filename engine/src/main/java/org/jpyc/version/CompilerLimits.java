package org.jpyc.version;

/**
 * How deep CPython's AST optimizer and symbol table may recurse before they raise
 * {@code RecursionError("maximum recursion depth exceeded during compilation")}: each visit of an
 * expression, statement or pattern adds one to a depth that starts at what the caller of
 * {@code compile()} has used already, and must stay at or below the limit. The reference is
 * {@code py_compile.compile} called from a {@code python -c} script's top level (the conformance
 * oracle's fresh process); measured with {@code x = 1+1+...+1} under it, the largest number of
 * {@code +} that compiles: 2983 in 3.10.8 and 3.11.3, 2992 in 3.12.1, 9995 in 3.13.5 (an assignment and
 * the last operand add two levels). Only the limit less the start shows in such a result (2985, 2994,
 * 9997); the split below is each version's formula with the counts that give it. (A direct
 * {@code compile()} or {@code _symtable.symtable()} from a script's top level starts lower, and
 * {@code python -m py_compile} higher, than the reference.)
 *
 * <ul>
 *   <li>Before 3.12 ({@link Feature#COMPILER_RECURSION_FROM_PYTHON_LIMIT}): the limit is 3 times
 *       {@code sys.getrecursionlimit()} (1000), the start 3 times the Python recursion depth at the
 *       builtin {@code compile()}, 5 under py_compile: 3000 and 15.</li>
 *   <li>3.12: 2 times {@code C_RECURSION_LIMIT} (1500), from 2 times the C recursion depth, 3 under
 *       py_compile: 3000 and 6.</li>
 *   <li>From 3.13 ({@link Feature#COMPILER_RECURSION_UNSCALED}): {@code Py_C_RECURSION_LIMIT} (10000 in
 *       a 64-bit release build) from the C depth itself: 10000 and 3. From 3.14
 *       ({@link Feature#COMPILER_STACK_CHECK}) CPython checks the C stack pointer instead of this count, so
 *       its bound is set by its build's frame sizes (the embedded 3.14.3 compiles 28978 {@code +} and then
 *       raises "Stack overflow (used 8152 kB) during compilation"); jpyc keeps 3.13's count there, and so
 *       refuses expressions nested 9996 to about 29000 deep that such a build compiles.</li>
 * </ul>
 */
public final class CompilerLimits {
    private CompilerLimits() {}

    /** The recursion limit of the AST optimizer and the symbol table. */
    public static int recursionLimit(PyVersion v) {
        if (v.has(Feature.COMPILER_RECURSION_FROM_PYTHON_LIMIT)) return 3 * 1000;
        return v.has(Feature.COMPILER_RECURSION_UNSCALED) ? 10000 : 2 * 1500;
    }

    /** The depth they start counting from under py_compile. */
    public static int startingDepth(PyVersion v) {
        if (v.has(Feature.COMPILER_RECURSION_FROM_PYTHON_LIMIT)) return 3 * 5;
        return v.has(Feature.COMPILER_RECURSION_UNSCALED) ? 3 : 2 * 3;
    }
}
