package org.jpyc.flowgraph;

import org.jpyc.instrseq.Location;

/**
 * Line number resolution of Python/flowgraph.c (PEP 626): exit blocks without a line number are
 * duplicated so that each has one predecessor, then locations flow forward into instructions and
 * single-predecessor blocks that have none.
 */
final class LineNumbers {
    private LineNumbers() {}

    /**
     * {@code is_exit_or_eval_check_without_lineno}. The line number test goes first (the tests have no
     * side effects): it usually fails at the block's first instruction, where the eval-break test scans it all.
     */
    static boolean isExitOrEvalCheckWithoutLineno(OpcodeFacts f, BasicBlock b) {
        return b.hasNoLineno() && (b.exitsScope(f) || b.hasEvalBreak(f));
    }

    /**
     * {@code duplicate_exits_without_lineno}'s step for one jump: a copy of {@code target}, an exit block without a
     * line number that other jumps reach too, becomes {@code last}'s own target, after it in the block order, with
     * {@code last}'s location and the label {@code label}.
     */
    static void duplicateExitFor(Cfg g, CfgInstr last, BasicBlock target, int label) {
        BasicBlock newTarget = copyBasicblock(g, target);
        newTarget.instrs[0].loc = last.loc;
        last.target = newTarget;
        target.predecessors--;
        newTarget.predecessors = 1;
        newTarget.next = target.next;
        newTarget.label = label;
        target.next = newTarget;
    }

    /** {@code copy_basicblock}: a new block with copies of {@code block}'s instructions (it must not fall through). */
    static BasicBlock copyBasicblock(Cfg g, BasicBlock block) {
        BasicBlock result = g.newBlock();
        result.appendInstructions(block);
        result.exit310 = block.exit310; // 3.10's compiler_copy_block copies b_exit
        return result;
    }

    /** {@code duplicate_exits_without_lineno}. */
    static void duplicateExitsWithoutLineno(Cfg g) {
        OpcodeFacts f = g.facts;
        int nextLbl = g.maxLabel() + 1;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            CfgInstr last = b.last();
            if (last == null) continue;
            if (f.isJump(last.op)) {
                BasicBlock target = Cfg.nextNonemptyBlock(last.target);
                if (target != null && isExitOrEvalCheckWithoutLineno(f, target) && target.predecessors > 1) {
                    duplicateExitFor(g, last, target, nextLbl++);
                }
            }
        }
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            if (b.hasFallthrough(f) && b.next != null && b.used > 0) {
                if (isExitOrEvalCheckWithoutLineno(f, b.next)) {
                    b.next.instrs[0].loc = b.last().loc;
                }
            }
        }
    }

    /** {@code propagate_line_numbers}. */
    static void propagateLineNumbers(Cfg g) {
        OpcodeFacts f = g.facts;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            CfgInstr last = b.last();
            if (last == null) continue;
            Location prev = Location.NO_LOCATION;
            // only NO_LOCATION is filled in: 3.14's NEXT_LOCATION (-2) stays for the assembler
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.instrs[i];
                if (in.loc.lineno() == Location.NO_LOCATION.lineno()) in.loc = prev;
                else prev = in.loc;
            }
            if (b.hasFallthrough(f) && b.next.predecessors == 1) {
                if (b.next.used > 0 && b.next.instrs[0].loc.lineno() == Location.NO_LOCATION.lineno()) b.next.instrs[0].loc = prev;
            }
            if (f.isJump(last.op)) {
                BasicBlock target = last.target;
                if (target.predecessors == 1 && target.used > 0 && target.instrs[0].loc.lineno() == Location.NO_LOCATION.lineno()) target.instrs[0].loc = prev;
            }
        }
    }

    /** {@code resolve_line_numbers}. */
    static void resolveLineNumbers(Cfg g, int firstlineno) {
        duplicateExitsWithoutLineno(g);
        propagateLineNumbers(g);
    }
}
