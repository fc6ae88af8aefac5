package org.jpyc.flowgraph;

import org.jpyc.instrseq.CodeFlags;
import org.jpyc.instrseq.Op;

/**
 * 3.15's merged GET_ITER / GET_YIELD_FROM_ITER (magic 3663): codegen marks the {@code yield from} iterator
 * GET_ITER {@code GET_ITER_YIELD_FROM}; once the unit's code flags are known the conversion to the final
 * sequence says whether the runtime must refuse a coroutine there ({@code GET_ITER_YIELD_FROM_CORO_CHECK}: a
 * plain generator) or need not ({@code GET_ITER_YIELD_FROM_NO_CHECK}: a coroutine). Checked against 3.15.2's
 * code objects ({@code _testinternalcapi.optimize_cfg} still shows the codegen oparg); the C function that
 * does it is not in the sources at hand.
 */
final class YieldFromIter {
    private YieldFromIter() {}

    /** Include/internal/pycore_opcode_utils.h 3.15. */
    static final int GET_ITER_YIELD_FROM = 1;
    static final int GET_ITER_YIELD_FROM_NO_CHECK = 2;
    static final int GET_ITER_YIELD_FROM_CORO_CHECK = 3;

    /** Gives every {@code GET_ITER GET_ITER_YIELD_FROM} its checked or unchecked form for {@code codeFlags}. */
    static void resolveGetIterOpargs(Cfg g, int codeFlags) {
        // a yield from makes its unit a generator (a coroutine or async generator has its own flag): in any
        // other unit there is nothing to resolve, and the walk over its instructions is skipped
        if ((codeFlags & (CodeFlags.CO_GENERATOR | CodeFlags.CO_COROUTINE | CodeFlags.CO_ITERABLE_COROUTINE
                | CodeFlags.CO_ASYNC_GENERATOR)) == 0) return;
        boolean coroutine = (codeFlags & (CodeFlags.CO_COROUTINE | CodeFlags.CO_ITERABLE_COROUTINE)) != 0;
        int resolved = coroutine ? GET_ITER_YIELD_FROM_NO_CHECK : GET_ITER_YIELD_FROM_CORO_CHECK;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.instrs[i];
                if (in.op == Op.GET_ITER && in.oparg == GET_ITER_YIELD_FROM) in.oparg = resolved;
            }
        }
    }
}
