package org.jpyc.astopt;

import org.jpyc.ast.ModNode;
import org.jpyc.version.PyVersion;

/**
 * {@code _PyAST_Optimize} (Python/ast_opt.c of 3.13): constant folding, {@code __debug__}, and what
 * -O/-OO remove, done on the tree in place. OWNER: the astopt work; this signature is the contract.
 */
public final class AstOptimizer {
    private AstOptimizer() {}

    /** @param futureFeatures the module's {@code CO_FUTURE_*} flags ({@code ff_features}). */
    public static void optimize(ModNode mod, int optimize, int futureFeatures, PyVersion version) {
        throw new UnsupportedOperationException("AstOptimizer.optimize: to be written");
    }
}
