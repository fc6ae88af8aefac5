package org.jpyc.flowgraph;

import org.jpyc.instrseq.Location;

/**
 * {@code duplicate_exits_without_lineno} and {@code propagate_line_numbers} of Python/compile.c 3.10. Both leave out
 * the block pushes, which are jumps in 3.10 ("only actual jumps, not exception handlers"), and an exit block is
 * without a line number when its first instruction has none ({@code is_exit_without_lineno}; 3.11 asks every
 * instruction). The blocks are walked in {@code b_list} order ({@link LineNumbers311#bListOrder}).
 */
final class LineNumbers310 {
    private LineNumbers310() {}

    /** {@code is_exit_without_lineno} (3.10): a block with {@code b_exit} whose first instruction has no line number. */
    static boolean isExitWithoutLineno(BasicBlock b) {
        return b.exit310 && b.used > 0 && b.instrs[0].loc.lineno() < 0;
    }

    /** A block's last instruction if it is a jump that is not a block push, else null. */
    private static CfgInstr actualJump(OpcodeFacts f, BasicBlock b) {
        CfgInstr last = b.last();
        return last != null && f.isJump(last.op) && !f.isBlockPush(last.op) ? last : null;
    }

    /** {@code duplicate_exits_without_lineno} (3.10). */
    static void duplicateExitsWithoutLineno(Cfg g) {
        OpcodeFacts f = g.facts;
        int nextLbl = g.maxLabel() + 1;
        for (BasicBlock b : LineNumbers311.bListOrder(g)) {
            CfgInstr last = actualJump(f, b);
            if (last == null) continue;
            BasicBlock target = last.target;
            if (isExitWithoutLineno(target) && target.predecessors > 1) {
                LineNumbers.duplicateExitFor(g, last, target, nextLbl++);
            }
        }
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            while (b.next != null && b.next.used == 0) b.next = b.next.next;
        }
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            if (b.hasFallthrough(f) && b.next != null && b.used > 0 && isExitWithoutLineno(b.next)) {
                b.next.instrs[0].loc = b.last().loc;
            }
        }
    }

    /** {@code propagate_line_numbers} (3.10). */
    static void propagateLineNumbers(Cfg g) {
        OpcodeFacts f = g.facts;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            if (b.used == 0) continue;
            Location prev = Location.NO_LOCATION;
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.instrs[i];
                if (in.loc.lineno() < 0) in.loc = prev;
                else prev = in.loc;
            }
            if (b.hasFallthrough(f) && b.next != null && b.next.predecessors == 1 && b.next.used > 0) {
                if (b.next.instrs[0].loc.lineno() < 0) b.next.instrs[0].loc = prev;
            }
            CfgInstr last = actualJump(f, b);
            if (last != null) {
                BasicBlock target = last.target;
                if (target.predecessors == 1 && target.used > 0 && target.instrs[0].loc.lineno() < 0) target.instrs[0].loc = prev;
            }
        }
    }
}
