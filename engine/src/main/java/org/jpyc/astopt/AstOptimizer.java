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

    /** @param futureFeatures the module's {@code CO_FUTURE_*} flags ({@code ff_features}). */
    public static void optimize(ModNode mod, int optimize, int futureFeatures, PyVersion version) {
        new AstFold(optimize, futureFeatures, version).mod(mod);
    }
}
