package org.jpyc.flowgraph;

/**
 * {@code duplicate_exits_without_lineno} of Python/compile.c 3.11. It walks the unit's blocks in {@code b_list}
 * order, the reverse of their allocation by the codegen, which decides which jump keeps an exit block and the
 * layout order of the copies ({@code while a and b:}'s three jumps to a final {@code return None}). Each block's
 * allocation time is {@link BasicBlock#allocKey}: when codegen made its label, or, for a block after a jump, when the
 * next instruction came; where it is unknown (a sequence with its labels applied), reverse layout order.
 */
final class LineNumbers311 {
    private LineNumbers311() {}

    /** {@code is_exit_without_lineno}: an exit block with no line number on any instruction. */
    static boolean isExitWithoutLineno(OpcodeFacts f, BasicBlock b) {
        return b.exitsScope(f) && b.hasNoLineno();
    }

    /**
     * The blocks of the layout chain in {@code b_list} order: the reverse of codegen's allocation order where
     * {@link Cfg#fromSequence} knew it (a stable sort: blocks of unknown time, the entry among them, count as the
     * first allocated, in layout order), so reverse layout order where it knew none.
     */
    static BasicBlock[] bListOrder(Cfg g) {
        int n = 0;
        for (BasicBlock b = g.entry; b != null; b = b.next) n++;
        BasicBlock[] order = new BasicBlock[n];
        n = 0;
        for (BasicBlock b = g.entry; b != null; b = b.next) order[n++] = b;
        java.util.Arrays.sort(order, java.util.Comparator.comparingLong(b -> b.allocKey));
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            BasicBlock t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** {@code duplicate_exits_without_lineno} (3.11). */
    static void duplicateExitsWithoutLineno(Cfg g) {
        OpcodeFacts f = g.facts;
        int nextLbl = g.maxLabel() + 1;
        for (BasicBlock b : bListOrder(g)) {
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
