package org.jpyc.flowgraph;

import org.jpyc.instrseq.Op;
import org.jpyc.instrseq.OpTable;

/** {@code calculate_stackdepth} (Python/flowgraph.c): the deepest stack along any path, and each block's entry depth. */
final class StackDepth {
    private StackDepth() {}

    /** {@code stackdepth_push}. */
    private static void push(BlockStack stack, BasicBlock b, int depth) {
        if (!(b.startdepth < 0 || b.startdepth == depth)) {
            throw new IllegalStateException("ValueError: Invalid CFG, inconsistent stackdepth");
        }
        if (b.startdepth < depth && b.startdepth < 100) {
            b.startdepth = depth;
            stack.push(b);
        }
    }

    /** {@code calculate_stackdepth}. */
    static int calculateStackdepth(Cfg g) {
        return calculateStackdepth(g, 0);
    }

    /** {@code calculate_stackdepth} entering the entry block at {@code entryDepth} (3.12's {@code _PyCfg_Stackdepth}: 1 for a generator). */
    static int calculateStackdepth(Cfg g, int entryDepth) {
        OpcodeFacts f = g.facts;
        OpTable t = f.table;
        for (BasicBlock b = g.entry; b != null; b = b.next) b.startdepth = Integer.MIN_VALUE;
        g.resetVisited();
        BlockStack stack = new BlockStack();
        int maxdepth = 0;
        push(stack, g.entry, entryDepth);
        while (!stack.isEmpty()) {
            BasicBlock b = stack.pop();
            int depth = b.startdepth;
            BasicBlock next = b.next;
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.instrs[i];
                int effect = t.stackEffect(in.op, in.oparg, false);
                int newDepth = depth + effect;
                if (newDepth < 0) throw new IllegalStateException("ValueError: Invalid CFG, stack underflow");
                maxdepth = Math.max(maxdepth, newDepth);
                // 3.14's END_ASYNC_FOR has a jump target that calculate_stackdepth does not follow
                if (f.hasTarget(in.op) && in.op != Op.END_ASYNC_FOR) {
                    int targetDepth = depth + t.stackEffect(in.op, in.oparg, true);
                    maxdepth = Math.max(maxdepth, targetDepth);
                    push(stack, in.target, targetDepth);
                }
                depth = newDepth;
                if (f.isScopeExitOrUnconditionalJump(in.op)) {
                    next = null;
                    break;
                }
            }
            if (next != null) push(stack, next, depth);
        }
        return maxdepth;
    }
}
