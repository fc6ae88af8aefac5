package org.jpyc.flowgraph;

import org.jpyc.instrseq.Op;

/**
 * The block passes only Python/flowgraph.c 3.12 has: {@code eliminate_empty_basic_blocks},
 * {@code inline_small_exit_blocks}, {@code mark_reachable} (with the deletion of unreachable blocks that
 * {@code optimize_cfg} does after it) and {@code normalize_jumps}, which there also gives unconditional jumps
 * their direction.
 */
final class JumpPasses312 {
    private JumpPasses312() {}

    /**
     * {@code eliminate_empty_basic_blocks}: empty blocks leave the layout chain (the entry moves past empty ones),
     * and every jump or block push to an empty block goes to the next non-empty one, which gets a label if it
     * had none.
     */
    static void eliminateEmptyBasicBlocks(Cfg g) {
        OpcodeFacts f = g.facts;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            BasicBlock next = b.next;
            while (next != null && next.used == 0) next = next.next;
            b.next = next;
        }
        while (g.entry != null && g.entry.used == 0) g.entry = g.entry.next;
        int nextLbl = g.maxLabel() + 1;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.instrs[i];
                if (!f.hasTarget(in.op)) continue;
                BasicBlock target = in.target;
                while (target.used == 0) target = target.next;
                if (in.target != target) {
                    if (target.label == BasicBlock.NO_LABEL) target.label = nextLbl++;
                    in.target = target;
                    in.oparg = target.label;
                }
            }
        }
    }

    /** {@code inline_small_exit_blocks}: a block ending with an unconditional jump to a small exit block gets a copy of it. */
    static void inlineSmallExitBlocks(OpcodeFacts f, BasicBlock bb) {
        CfgInstr last = bb.last();
        if (last == null || !f.isUnconditionalJump(last.op)) return;
        BasicBlock target = last.target;
        if (target.exitsScope(f) && target.used <= JumpPasses.MAX_COPY_SIZE) {
            last.setOp0(Op.NOP);
            bb.appendInstructions(target);
        }
    }

    /**
     * {@code mark_reachable}: predecessor counts from the entry. A block is marked visited when it is popped, so one
     * pushed by two edges before that is walked twice and counts its successors twice, as in C.
     */
    static void markReachable(Cfg g) {
        OpcodeFacts f = g.facts;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            b.visited = false;
            b.predecessors = 0;
        }
        BlockStack stack = new BlockStack();
        g.entry.predecessors = 1;
        stack.push(g.entry);
        while (!stack.isEmpty()) {
            BasicBlock b = stack.pop();
            b.visited = true;
            if (b.next != null && b.hasFallthrough(f)) {
                if (!b.next.visited) stack.push(b.next);
                b.next.predecessors++;
            }
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.instrs[i];
                if (f.hasTarget(in.op)) {
                    BasicBlock target = in.target;
                    if (!target.visited) stack.push(target);
                    target.predecessors++;
                }
            }
        }
    }

    /** What {@code optimize_cfg} does after {@code mark_reachable}: a block without predecessors is emptied. */
    static void deleteUnreachable(Cfg g) {
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            if (b.predecessors == 0) b.used = 0;
        }
    }

    /**
     * {@code normalize_jumps_in_block} (3.12): JUMP and JUMP_NO_INTERRUPT get their direction; a backward conditional
     * jump becomes the reversed jump to the next block, followed by a new block with a JUMP to the old target (given
     * its direction when the walk reaches it, next).
     */
    static void normalizeJumpsInBlock(Cfg g, BasicBlock b) {
        OpcodeFacts f = g.facts;
        CfgInstr last = b.last();
        if (last == null || !f.isJump(last.op)) return;
        boolean isForward = !last.target.visited;
        if (last.op == Op.JUMP) {
            last.op = isForward ? Op.JUMP_FORWARD : Op.JUMP_BACKWARD;
            return;
        }
        if (last.op == Op.JUMP_NO_INTERRUPT) {
            last.op = isForward ? Op.JUMP_FORWARD : Op.JUMP_BACKWARD_NO_INTERRUPT;
            return;
        }
        JumpPasses.normalizeJumpsInBlock(g, b); // a backward conditional jump, as 3.13 does
    }

    /** {@code normalize_jumps} (3.12, the first half of {@code _PyCfg_ResolveJumps}). */
    static void normalizeJumps(Cfg g) {
        JumpPasses.normalizeJumps(g, JumpPasses312::normalizeJumpsInBlock);
    }
}
