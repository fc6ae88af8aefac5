package org.jpyc.flowgraph;

import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;

/**
 * {@code resolve_line_numbers} of Python/flowgraph.c 3.12: {@code duplicate_exits_without_lineno} (exit blocks
 * only), {@code propagate_line_numbers} (as 3.13's) and {@code guarantee_lineno_for_exits}.
 */
final class LineNumbers312 {
    private LineNumbers312() {}

    /** {@code is_exit_without_lineno}. */
    static boolean isExitWithoutLineno(OpcodeFacts f, BasicBlock b) {
        return b.exitsScope(f) && b.hasNoLineno();
    }

    /** {@code duplicate_exits_without_lineno} (3.12): the graph has no empty block, so a jump's target is its block. */
    static void duplicateExitsWithoutLineno(Cfg g) {
        OpcodeFacts f = g.facts;
        int nextLbl = g.maxLabel() + 1;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            CfgInstr last = b.last();
            if (last != null && f.isJump(last.op)) {
                BasicBlock target = last.target;
                if (isExitWithoutLineno(f, target) && target.predecessors > 1) {
                    LineNumbers.duplicateExitFor(g, last, target, nextLbl++);
                }
            }
        }
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            if (b.hasFallthrough(f) && b.next != null && b.used > 0 && isExitWithoutLineno(f, b.next)) {
                b.next.instrs[0].loc = b.last().loc;
            }
        }
    }

    /**
     * {@code guarantee_lineno_for_exits}: a block ending with a RETURN_VALUE that has no line gets, on every
     * instruction, the line of the last block before it whose last instruction has one (columns unchanged).
     */
    static void guaranteeLinenoForExits(Cfg g, int firstlineno) {
        int lineno = firstlineno;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            CfgInstr last = b.last();
            if (last == null) continue;
            if (last.loc.lineno() < 0) {
                if (last.op == Op.RETURN_VALUE) {
                    for (int i = 0; i < b.used; i++) {
                        Location l = b.instrs[i].loc;
                        b.instrs[i].loc = new Location(lineno, l.endLineno(), l.colOffset(), l.endColOffset());
                    }
                }
            } else {
                lineno = last.loc.lineno();
            }
        }
    }

    /** {@code resolve_line_numbers} (3.12). */
    static void resolveLineNumbers(Cfg g, int firstlineno) {
        duplicateExitsWithoutLineno(g);
        LineNumbers.propagateLineNumbers(g);
        guaranteeLinenoForExits(g, firstlineno);
    }
}
