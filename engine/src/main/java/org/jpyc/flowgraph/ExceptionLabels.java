package org.jpyc.flowgraph;

import org.jpyc.instrseq.Op;

/** The exception-handler preprocessing of Python/flowgraph.c: which blocks are handlers, and which handler covers each instruction. */
final class ExceptionLabels {
    private ExceptionLabels() {}

    static final int RESUME_AT_FUNC_START = 0;

    /** {@code mark_except_handlers}. */
    static void markExceptHandlers(Cfg g) {
        if (g.targetsTranslated) return; // buildRuns marked them
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.get(i);
                if (g.facts.isBlockPush(in.op)) in.target.exceptHandler = true;
            }
        }
    }

    /**
     * {@code label_exception_targets}: walks the graph with an exception stack per block, setting each
     * instruction's {@code except} handler, turning POP_BLOCK into NOP and marking RESUMEs after a
     * yield at exception depth 1.
     */
    static void labelExceptionTargets(Cfg g) {
        // Without a block push or POP_BLOCK every handler is null (as each instruction's except is still),
        // no POP_BLOCK is left to remove and no yield is at except depth 1: nothing to do.
        if (!g.exceptionOps) return;
        OpcodeFacts f = g.facts;
        g.resetVisited();
        BlockStack todo = new BlockStack();
        ExceptStack exceptStack = new ExceptStack();
        todo.push(g.entry);
        g.entry.visited = true;
        g.entry.exceptStack = exceptStack;
        while (!todo.isEmpty()) {
            BasicBlock b = todo.pop();
            exceptStack = b.exceptStack;
            b.exceptStack = null;
            BasicBlock handler = exceptStack.top();
            int lastYieldExceptDepth = -1;
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.get(i);
                if (f.isBlockPush(in.op)) {
                    if (!in.target.visited) {
                        in.target.exceptStack = exceptStack.copy();
                        todo.push(in.target);
                        in.target.visited = true;
                    }
                    handler = exceptStack.push(in);
                } else if (in.op == Op.POP_BLOCK) {
                    handler = exceptStack.pop();
                    if (!f.yieldValueExceptDepth) in.setOp0(Op.NOP); // 3.12: _PyCfg_ConvertPseudoOps does it

                } else if (f.isJump(in.op)) {
                    in.except = handler;
                    if (!in.target.visited) {
                        if (b.hasFallthrough(f)) {
                            in.target.exceptStack = exceptStack.copy();
                        } else {
                            in.target.exceptStack = exceptStack;
                            exceptStack = null;
                        }
                        todo.push(in.target);
                        in.target.visited = true;
                    }
                } else if (in.op == Op.YIELD_VALUE) {
                    in.except = handler;
                    if (f.yieldValueExceptDepth) in.oparg = exceptStack.depth; // 3.12
                    lastYieldExceptDepth = exceptStack.depth;
                } else if (in.op == Op.RESUME) {
                    in.except = handler;
                    if (in.oparg != RESUME_AT_FUNC_START && !f.yieldValueExceptDepth && f.exceptDepthAtYield) {
                        if (lastYieldExceptDepth == 1) in.oparg |= f.resumeOpargDepth1Mask;
                        lastYieldExceptDepth = -1;
                    }
                } else {
                    in.except = handler;
                }
            }
            if (b.hasFallthrough(f) && !b.next.visited) {
                b.next.exceptStack = exceptStack;
                todo.push(b.next);
                b.next.visited = true;
            }
        }
    }
}
