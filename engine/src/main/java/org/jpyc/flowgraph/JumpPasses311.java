package org.jpyc.flowgraph;

import org.jpyc.instrseq.Op;

/**
 * The block passes of Python/compile.c 3.11's {@code assemble()} that later versions changed or dropped:
 * {@code extend_block}, {@code clean_basic_block}, {@code mark_reachable}, {@code eliminate_empty_basic_blocks},
 * the redundant-jump removal at the end of {@code optimize_cfg}, {@code convert_exception_handlers_to_nops} and
 * {@code normalize_jumps} (every jump gets its direction, conditional ones included). 3.11 keeps a block's
 * {@code b_exit} and {@code b_nofallthrough} as flags; here they are read from the block's last instruction, which is
 * what the flags say wherever these passes read them.
 */
final class JumpPasses311 {
    private JumpPasses311() {}

    /** {@code MAX_COPY_SIZE}. */
    static final int MAX_COPY_SIZE = 4;

    /** {@code basicblock_has_lineno} (3.11): an instruction with a line number above 0. */
    static boolean hasLineno(BasicBlock b) {
        for (int i = 0; i < b.used; i++) {
            if (b.instrs[i].loc.lineno() > 0) return true;
        }
        return false;
    }

    /**
     * {@code extend_block}: a block ending with JUMP (JUMP_FORWARD, JUMP_BACKWARD; not JUMP_NO_INTERRUPT) to an exit
     * block of at most {@link #MAX_COPY_SIZE} instructions, none with a line number, gets a copy of it; the jump becomes
     * a NOP (keeping its location).
     */
    static void extendBlock(OpcodeFacts f, BasicBlock bb) {
        CfgInstr last = bb.last();
        if (last == null) return;
        if (last.op != Op.JUMP && last.op != Op.JUMP_FORWARD && last.op != Op.JUMP_BACKWARD) return;
        BasicBlock toCopy = last.target;
        if (toCopy.exitsScope(f) && toCopy.used <= MAX_COPY_SIZE) {
            if (hasLineno(toCopy)) return; // only blocks without a line number (an implicit return None)
            last.op = Op.NOP; // the oparg stays, as C's i_opcode = NOP leaves it
            bb.appendInstructions(toCopy); // copies, each with its target (a struct copy in C)
        }
    }

    /**
     * {@code clean_basic_block}: a NOP goes if it has no line number, its line is the previous instruction's or the
     * next's (or the next has none: the NOP's location moves to it), or, last in the block, the next non-empty block's
     * first instruction has its line.
     */
    static void cleanBasicBlock(BasicBlock bb) {
        int dest = 0;
        int prevLineno = -1;
        for (int src = 0; src < bb.used; src++) {
            CfgInstr in = bb.instrs[src];
            int lineno = in.loc.lineno();
            if (in.op == Op.NOP) {
                if (lineno < 0) continue;
                if (prevLineno == lineno) continue;
                if (src < bb.used - 1) {
                    int nextLineno = bb.instrs[src + 1].loc.lineno();
                    if (nextLineno == lineno) continue;
                    if (nextLineno < 0) {
                        bb.instrs[src + 1].loc = in.loc;
                        continue;
                    }
                } else {
                    BasicBlock next = Cfg.nextNonemptyBlock(bb.next);
                    if (next != null && lineno == next.instrs[0].loc.lineno()) continue;
                }
            }
            if (dest != src) bb.instrs[dest] = in;
            dest++;
            prevLineno = lineno;
        }
        bb.used = dest;
    }

    /**
     * {@code mark_reachable} (3.11): predecessor counts from the entry; a block is pushed when its count leaves 0, so
     * each reachable block is walked once and the counts are exact. Block pushes count as edges.
     */
    static void markReachable(Cfg g) {
        OpcodeFacts f = g.facts;
        for (BasicBlock b = g.entry; b != null; b = b.next) b.predecessors = 0;
        BlockStack stack = new BlockStack();
        g.entry.predecessors = 1;
        stack.push(g.entry);
        while (!stack.isEmpty()) {
            BasicBlock b = stack.pop();
            if (b.next != null && b.hasFallthrough(f)) {
                if (b.next.predecessors == 0) stack.push(b.next);
                b.next.predecessors++;
            }
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.instrs[i];
                if (f.hasTarget(in.op)) {
                    BasicBlock target = in.target;
                    if (target.predecessors == 0) stack.push(target);
                    target.predecessors++;
                }
            }
        }
    }

    /**
     * {@code eliminate_empty_basic_blocks} (3.11): the layout chain skips empty blocks (a last empty block stays), and
     * a block's last instruction, if a jump, goes to the next non-empty block. Block pushes keep their targets.
     */
    static void eliminateEmptyBasicBlocks(Cfg g) {
        OpcodeFacts f = g.facts;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            BasicBlock next = b.next;
            if (next != null) {
                while (next.used == 0 && next.next != null) next = next.next;
                b.next = next;
            }
        }
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            CfgInstr last = b.last();
            if (last == null || !f.isJump(last.op)) continue;
            BasicBlock target = last.target;
            while (target.used == 0) target = target.next;
            last.target = target;
        }
    }

    /**
     * The end of {@code optimize_cfg} (3.11): a JUMP or JUMP_NO_INTERRUPT to the next block becomes a NOP; then
     * {@code eliminate_empty_basic_blocks} if any did.
     */
    static void removeRedundantJumps(Cfg g) {
        boolean maybeEmptyBlocks = false;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            CfgInstr last = b.last();
            if (last == null) continue;
            if ((last.op == Op.JUMP || last.op == Op.JUMP_NO_INTERRUPT) && last.target == b.next) {
                last.op = Op.NOP;
                maybeEmptyBlocks = true;
            }
        }
        if (maybeEmptyBlocks) eliminateEmptyBasicBlocks(g);
    }

    /** {@code convert_exception_handlers_to_nops}: block pushes and POP_BLOCK become NOPs. */
    static void convertExceptionHandlersToNops(Cfg g) {
        OpcodeFacts f = g.facts;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.instrs[i];
                if (f.isBlockPush(in.op) || in.op == Op.POP_BLOCK) in.op = Op.NOP;
            }
        }
    }

    /**
     * {@code normalize_jumps} (3.11): each block's last jump gets its direction by whether its target comes later in
     * the layout: JUMP_FORWARD / JUMP_BACKWARD (JUMP_BACKWARD_NO_INTERRUPT), POP_JUMP_FORWARD_IF_* /
     * POP_JUMP_BACKWARD_IF_*. JUMP_IF_*_OR_POP, FOR_ITER and SEND only go forward.
     */
    static void normalizeJumps(Cfg g) {
        OpcodeFacts f = g.facts;
        for (BasicBlock b = g.entry; b != null; b = b.next) b.visited = false;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            b.visited = true;
            CfgInstr last = b.last();
            if (last == null || !f.isJump(last.op)) continue;
            boolean fwd = !last.target.visited;
            switch (last.op) {
                case JUMP -> last.op = fwd ? Op.JUMP_FORWARD : Op.JUMP_BACKWARD;
                case JUMP_NO_INTERRUPT -> last.op = fwd ? Op.JUMP_FORWARD : Op.JUMP_BACKWARD_NO_INTERRUPT;
                case POP_JUMP_IF_NOT_NONE -> last.op = fwd ? Op.POP_JUMP_FORWARD_IF_NOT_NONE : Op.POP_JUMP_BACKWARD_IF_NOT_NONE;
                case POP_JUMP_IF_NONE -> last.op = fwd ? Op.POP_JUMP_FORWARD_IF_NONE : Op.POP_JUMP_BACKWARD_IF_NONE;
                case POP_JUMP_IF_FALSE -> last.op = fwd ? Op.POP_JUMP_FORWARD_IF_FALSE : Op.POP_JUMP_BACKWARD_IF_FALSE;
                case POP_JUMP_IF_TRUE -> last.op = fwd ? Op.POP_JUMP_FORWARD_IF_TRUE : Op.POP_JUMP_BACKWARD_IF_TRUE;
                case JUMP_IF_TRUE_OR_POP, JUMP_IF_FALSE_OR_POP -> {
                    if (!fwd) throw new IllegalStateException("SystemError: unexpected " + last.op + " jumping backwards");
                }
                default -> { }
            }
        }
    }
}
