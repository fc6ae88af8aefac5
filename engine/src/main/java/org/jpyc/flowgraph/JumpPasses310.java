package org.jpyc.flowgraph;

import org.jpyc.instrseq.Op;

/**
 * The block passes of Python/compile.c 3.10's {@code assemble()} that 3.11 changed: {@code extend_block} (its jumps
 * are JUMP_ABSOLUTE and JUMP_FORWARD), {@code clean_basic_block} (which starts from the line of the block that falls into it) and
 * the redundant-jump removal at the end of {@code optimize_cfg} (JUMP_ABSOLUTE and JUMP_FORWARD). 3.10 keeps a
 * block's {@code b_exit} and {@code b_nofallthrough} as flags; here they are read from the block's last instruction,
 * which is what the flags say wherever these passes read them, except {@code b_exit} for {@code extend_block} (and
 * {@code duplicate_exits_without_lineno}, {@link LineNumbers310}): {@link BasicBlock#exit310}, a flag that a block
 * which got a copy of an exit block carries too.
 */
final class JumpPasses310 {
    private JumpPasses310() {}

    /**
     * {@code extend_block} (3.10): a block ending with JUMP_ABSOLUTE or JUMP_FORWARD to a block with {@code b_exit}
     * ({@link BasicBlock#exit310}) of at most {@link JumpPasses311#MAX_COPY_SIZE} instructions gets a copy of it, lines
     * and all, and {@code b_exit} itself; the jump becomes a NOP (keeping its line, oparg 0). Run in {@code b_list}
     * order, so whether a block is copied can depend on whether its own jump was replaced earlier in the same pass
     * (tempfile.py's onerror: a handler visited before the block it jumps to keeps its jump, the try body visited
     * after gets the copy). The flag model, measured on 3.10.8's Lib (2409 files, code objects compared field by
     * field): 2409 identical at optimization 0, 1 and 2, against 2404 asking the target's last instruction instead.
     */
    static void extendBlock(BasicBlock bb) {
        CfgInstr last = bb.last();
        if (last == null || (last.op != Op.JUMP_ABSOLUTE && last.op != Op.JUMP_FORWARD)) return;
        BasicBlock toCopy = last.target;
        if (toCopy.exit310 && toCopy.used <= JumpPasses311.MAX_COPY_SIZE) {
            last.op = Op.NOP;
            last.oparg = 0; // a jump's i_oparg is 0 until assemble_jump_offsets
            bb.appendInstructions(toCopy);
            bb.exit310 = true;
        }
    }

    /**
     * {@code clean_basic_block(bb, prev_lineno)} (3.10): a NOP goes if it has no line number, its line is the
     * previous instruction's ({@code prevLineno} before the first: the line the previous block falls through with,
     * or -1), or the next instruction's or the next has none (which then takes the NOP's line), or, last in the
     * block, the next non-empty block's first instruction has its line.
     */
    static void cleanBasicBlock(BasicBlock bb, int prevLineno) {
        int dest = 0;
        for (int src = 0; src < bb.used; src++) {
            CfgInstr in = bb.instrs[src];
            int lineno = in.loc.lineno();
            if (in.op == Op.NOP) {
                if (lineno < 0) continue;
                if (prevLineno == lineno) continue;
                if (src < bb.used - 1) {
                    int nextLineno = bb.instrs[src + 1].loc.lineno();
                    if (nextLineno < 0 || nextLineno == lineno) {
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
     * The end of {@code optimize_cfg} (3.10): a JUMP_ABSOLUTE or JUMP_FORWARD to the next block becomes a NOP, and its
     * block is cleaned again ({@code clean_basic_block(b, -1)}); then {@code eliminate_empty_basic_blocks} if any did.
     */
    static void removeRedundantJumps(Cfg g) {
        boolean maybeEmptyBlocks = false;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            CfgInstr last = b.last();
            if (last == null) continue;
            if ((last.op == Op.JUMP_ABSOLUTE || last.op == Op.JUMP_FORWARD) && last.target == b.next) {
                last.op = Op.NOP;
                last.oparg = 0; // a jump's i_oparg is 0 until assemble_jump_offsets
                cleanBasicBlock(b, -1);
                maybeEmptyBlocks = true;
            }
        }
        if (maybeEmptyBlocks) JumpPasses311.eliminateEmptyBasicBlocks(g);
    }
}
