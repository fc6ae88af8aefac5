package org.jpyc.flowgraph;

/**
 * {@code duplicate_exits_without_lineno} of Python/compile.c 3.11. It walks the unit's blocks in {@code b_list}
 * order, the reverse of their allocation by the codegen, which decides which jump keeps an exit block and the
 * layout order of the copies. The graph here does not know when codegen made each block; the walk goes in reverse
 * layout order, which is allocation order reversed wherever codegen made blocks in the order it placed them (implicit
 * blocks after jumps, most labels).
 */
final class LineNumbers311 {
    private LineNumbers311() {}

    /** {@code is_exit_without_lineno}: an exit block with no line number on any instruction. */
    static boolean isExitWithoutLineno(OpcodeFacts f, BasicBlock b) {
        return b.exitsScope(f) && b.hasNoLineno();
    }

    /** {@code duplicate_exits_without_lineno} (3.11). */
    static void duplicateExitsWithoutLineno(Cfg g) {
        OpcodeFacts f = g.facts;
        int n = 0;
        for (BasicBlock b = g.entry; b != null; b = b.next) n++;
        BasicBlock[] layout = new BasicBlock[n];
        n = 0;
        for (BasicBlock b = g.entry; b != null; b = b.next) layout[n++] = b;
        int nextLbl = g.maxLabel() + 1;
        for (int k = n - 1; k >= 0; k--) {
            BasicBlock b = layout[k];
            CfgInstr last = b.last();
            if (last == null || !f.isJump(last.op)) continue;
            BasicBlock target = last.target;
            if (isExitWithoutLineno(f, target) && target.predecessors > 1) {
                BasicBlock newTarget = LineNumbers.copyBasicblock(g, target);
                newTarget.instrs[0].loc = last.loc;
                last.target = newTarget;
                target.predecessors--;
                newTarget.predecessors = 1;
                newTarget.next = target.next;
                newTarget.label = nextLbl++;
                target.next = newTarget;
            }
        }
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            while (b.next != null && b.next.used == 0) b.next = b.next.next;
        }
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            if (b.hasFallthrough(f) && b.next != null && b.used > 0 && isExitWithoutLineno(f, b.next)) {
                b.next.instrs[0].loc = b.last().loc;
            }
        }
    }
}
