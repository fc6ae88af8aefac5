package org.jpyc.astopt;

import org.jpyc.ast.ModNode;
import org.jpyc.version.PyVersion;

/**
 * {@code _PyAST_Optimize} (Python/ast_opt.c of 3.13): constant folding, {@code __debug__}, and the
 * {@code %}-format rewrite, done on the tree in place (a folded node is replaced in its parent). The
 * walk is {@link AstFold}, the rewrites {@link Folds} and {@link FormatFold}, the arithmetic on
 * constants {@link ConstantOps}.
 *
 * @throws org.jpyc.source.PyCompileError {@code RecursionError} for a tree nested too deep
 */
public final class AstOptimizer {
    private AstOptimizer() {}

    /**
     * The depth {@code _PyAST_Optimize} starts counting from ({@code Py_C_RECURSION_LIMIT} less the
     * C recursion remaining) when {@code py_compile.compile} is called from the top level of a
     * {@code python -c} script in 3.13.5, as the test harnesses do: measured with {@code x = a+a+...+a},
     * 9996 terms compile and 9997 raise RecursionError (from {@code python -m py_compile} the start is 6).
     */
    static final int START_DEPTH = 3;

    /** @param futureFeatures the module's {@code CO_FUTURE_*} flags ({@code ff_features}). */
    public static void optimize(ModNode mod, int optimize, int futureFeatures, PyVersion version) {
        new AstFold(optimize, futureFeatures, version, START_DEPTH).mod(mod);
    }
}
