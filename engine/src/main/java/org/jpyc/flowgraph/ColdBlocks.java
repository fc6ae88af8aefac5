package org.jpyc.flowgraph;

import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;

/** {@code push_cold_blocks_to_end} and its marking passes (Python/flowgraph.c): exception-only code goes last. */
final class ColdBlocks {
    private ColdBlocks() {}

    /** {@code mark_warm}: blocks reachable from the entry without passing through a handler. */
    static void markWarm(Cfg g) {
        OpcodeFacts f = g.facts;
        g.resetVisited();
        BlockStack stack = new BlockStack();
        stack.push(g.entry);
        g.entry.visited = true;
        while (!stack.isEmpty()) {
            BasicBlock b = stack.pop();
            b.warm = true;
            BasicBlock next = b.next;
            if (next != null && b.hasFallthrough(f) && !next.visited) {
                stack.push(next);
                next.visited = true;
            }
            // a jump ends its block (check_cfg), so only the last instruction can be one
            CfgInstr in = b.last();
            if (in != null && f.isJump(in.op) && !in.target.visited) {
                stack.push(in.target);
                in.target.visited = true;
            }
        }
    }

    /**
     * {@code mark_cold}: blocks reachable from handlers but not warm. Without a handler nothing is cold,
     * and the warm marks are not needed: such a graph is left as it is.
     */
    static void markCold(Cfg g) {
        OpcodeFacts f = g.facts;
        BlockStack stack = new BlockStack();
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            if (b.exceptHandler) stack.push(b);
        }
        if (stack.isEmpty()) return;
        markWarm(g);
        g.resetVisited();
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            if (b.exceptHandler) b.visited = true; // the blocks on the stack
        }
        while (!stack.isEmpty()) {
            BasicBlock b = stack.pop();
            b.cold = true;
            BasicBlock next = b.next;
            if (next != null && b.hasFallthrough(f)) {
                if (!next.warm && !next.visited) {
                    stack.push(next);
                    next.visited = true;
                }
            }
            CfgInstr in = b.last(); // the only instruction that can be a jump (see markWarm)
            if (in != null && f.isJump(in.op)) {
                BasicBlock target = in.target;
                if (!target.warm && !target.visited) {
                    stack.push(target);
                    target.visited = true;
                }
            }
        }
    }

    /** {@code push_cold_blocks_to_end}. */
    static void pushColdBlocksToEnd(Cfg g) {
        OpcodeFacts f = g.facts;
        BasicBlock entry = g.entry;
        if (entry.next == null) return;
        markCold(g);
        int nextLbl = g.maxLabel() + 1;
        for (BasicBlock b = entry; b != null; b = b.next) {
            if (b.cold && b.hasFallthrough(f) && b.next != null && b.next.warm) {
                BasicBlock explicitJump = g.newBlock();
                if (b.next.label == BasicBlock.NO_LABEL) b.next.label = nextLbl++;
                // 3.12: a plain JUMP, and no predecessor count (its resolve_line_numbers reads the one mark_reachable made)
                Op op = f.coldBlockPlainJump ? Op.JUMP : Op.JUMP_NO_INTERRUPT;
                CfgInstr j = explicitJump.addOp(op, b.next.label, Location.NO_LOCATION);
                explicitJump.cold = true;
                explicitJump.next = b.next;
                explicitJump.predecessors = f.coldBlockPlainJump ? 0 : 1;
                b.next = explicitJump;
                j.target = explicitJump.next;
            }
        }
        BasicBlock coldBlocks = null;
        BasicBlock coldBlocksTail = null;
        BasicBlock b = entry;
        while (b.next != null) {
            while (b.next != null && !b.next.cold) b = b.next;
            if (b.next == null) break;
            BasicBlock end = b.next;
            while (end.next != null && end.next.cold) end = end.next;
            if (coldBlocks == null) coldBlocks = b.next;
            else coldBlocksTail.next = b.next;
            coldBlocksTail = end;
            b.next = end.next;
            end.next = null;
        }
        b.next = coldBlocks;
        if (coldBlocks != null) {
            if (f.coldBlockPlainJump) JumpPasses.removeRedundantJumps(g); // 3.12
            else JumpPasses.removeRedundantNopsAndJumps(g);
        }
    }
}
