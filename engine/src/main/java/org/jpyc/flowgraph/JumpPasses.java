package org.jpyc.flowgraph;

import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;

/**
 * The block and jump passes of Python/flowgraph.c: reachability, inlining of small exit blocks, removal
 * of redundant NOPs, pairs and jumps, conversion of pseudo ops and normalization of backward
 * conditional jumps.
 */
final class JumpPasses {
    private JumpPasses() {}

    /** {@code MAX_COPY_SIZE}: the largest exit block {@code inline_small_or_no_lineno_blocks} copies. */
    static final int MAX_COPY_SIZE = 4;

    /** {@code remove_unreachable}: counts predecessors from the entry and empties unreachable blocks. */
    static void removeUnreachable(Cfg g) {
        OpcodeFacts f = g.facts;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            b.predecessors = 0;
            b.visited = false; // make_cfg_traversal_stack's part
        }
        // without block pushes only a block's last instruction can have a target (see Cfg.exceptionOps)
        boolean allInstrs = g.exceptionOps;
        BlockStack stack = new BlockStack();
        g.entry.predecessors = 1;
        stack.push(g.entry);
        g.entry.visited = true;
        while (!stack.isEmpty()) {
            BasicBlock b = stack.pop();
            if (b.next != null && b.hasFallthrough(f)) {
                if (!b.next.visited) {
                    stack.push(b.next);
                    b.next.visited = true;
                }
                b.next.predecessors++;
            }
            for (int i = allInstrs || b.used == 0 ? 0 : b.used - 1; i < b.used; i++) {
                CfgInstr in = b.instrs[i];
                if (f.hasTarget(in.op)) {
                    BasicBlock target = in.target;
                    if (!target.visited) {
                        stack.push(target);
                        target.visited = true;
                    }
                    target.predecessors++;
                }
            }
        }
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            if (b.predecessors == 0) {
                b.used = 0;
                b.exceptHandler = false;
            }
        }
    }

    /** {@code basicblock_remove_redundant_nops}: returns how many instructions went. */
    static int basicblockRemoveRedundantNops(BasicBlock bb) {
        if (!hasNop(bb)) return 0; // nothing to remove, no location to move
        return removeRedundantNops(bb, true);
    }

    /**
     * The NOP removal of {@code basicblock_remove_redundant_nops} (3.12+) and 3.11's {@code clean_basic_block}: a NOP
     * goes if it has no line, or its line is the previous instruction's or the next's (a next without a line takes
     * the NOP's location), or, last in its block, the next non-empty block starts on its line: that block's first
     * instruction other than a NOP without a line where {@code skipUnlocatedNops} (3.12+), its very first in 3.11.
     * Returns how many instructions went.
     */
    static int removeRedundantNops(BasicBlock bb, boolean skipUnlocatedNops) {
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
                    if (next != null && lineno == firstLineno(next, skipUnlocatedNops)) continue;
                }
            }
            if (dest != src) bb.instrs[dest] = in;
            dest++;
            prevLineno = lineno;
        }
        int removed = bb.used - dest;
        bb.used = dest;
        return removed;
    }

    /** The line {@code b} starts on: its first instruction's, past NOPs without a line if {@code skipUnlocatedNops}. */
    private static int firstLineno(BasicBlock b, boolean skipUnlocatedNops) {
        if (!skipUnlocatedNops) return b.instrs[0].loc.lineno();
        for (int k = 0; k < b.used; k++) {
            CfgInstr ni = b.instrs[k];
            if (ni.op == Op.NOP && ni.loc.lineno() == Location.NO_LOCATION.lineno()) continue;
            return ni.loc.lineno();
        }
        return Location.NO_LOCATION.lineno();
    }

    private static boolean hasNop(BasicBlock bb) {
        for (int i = 0; i < bb.used; i++) {
            if (bb.instrs[i].op == Op.NOP) return true;
        }
        return false;
    }

    /** {@code remove_redundant_nops}. */
    static int removeRedundantNops(Cfg g) {
        int changes = 0;
        for (BasicBlock b = g.entry; b != null; b = b.next) changes += basicblockRemoveRedundantNops(b);
        return changes;
    }

    /** {@code remove_redundant_nops_and_pairs}: LOAD_CONST or COPY 1 followed by POP_TOP become NOPs, to a fixpoint. */
    static void removeRedundantNopsAndPairs(Cfg g) {
        OpcodeFacts f = g.facts;
        boolean done = false;
        while (!done) {
            done = true;
            CfgInstr prev;
            CfgInstr instr = null;
            for (BasicBlock b = g.entry; b != null; b = b.next) {
                basicblockRemoveRedundantNops(b);
                if (b.label != BasicBlock.NO_LABEL) instr = null;
                for (int i = 0; i < b.used; i++) {
                    prev = instr;
                    instr = b.instrs[i];
                    Op prevOp = prev != null ? prev.op : null;
                    int prevArg = prev != null ? prev.oparg : 0;
                    boolean redundantPair = false;
                    if (instr.op == Op.POP_TOP) {
                        // LOAD_SMALL_INT exists from 3.14 on
                        if (prevOp == Op.LOAD_CONST || prevOp == Op.LOAD_SMALL_INT) redundantPair = true;
                        else if (prevOp == Op.LOAD_COMMON_CONSTANT && f.commonConstantPopPairs) redundantPair = true;
                        else if (prevOp == Op.COPY && prevArg == 1) redundantPair = true;
                    }
                    if (redundantPair) {
                        prev.setOp0(Op.NOP);
                        instr.setOp0(Op.NOP);
                        done = false;
                    }
                }
                if ((instr != null && f.isJump(instr.op)) || !b.hasFallthrough(f)) instr = null;
            }
        }
    }

    /** {@code remove_redundant_jumps}: an unconditional jump to the next non-empty block becomes a NOP. */
    static int removeRedundantJumps(Cfg g) {
        OpcodeFacts f = g.facts;
        int changes = 0;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            CfgInstr last = b.last();
            if (last == null) continue;
            if (f.isUnconditionalJump(last.op)) {
                BasicBlock jumpTarget = Cfg.nextNonemptyBlock(last.target);
                if (jumpTarget == null) throw new IllegalStateException("SystemError: jump with NULL target");
                BasicBlock next = Cfg.nextNonemptyBlock(b.next);
                if (jumpTarget == next) {
                    changes++;
                    last.setOp0(Op.NOP);
                }
            }
        }
        return changes;
    }

    /**
     * {@code remove_redundant_nops_and_jumps}: both, until neither changes anything. After the first round,
     * {@code basicblock_remove_redundant_nops} is run only on blocks that end with a NOP: the others are as the
     * last round left them, which it leaves as they are. (A NOP it keeps has a next instruction on another line,
     * and the NOPs it removes after it pass that line on, or leave it last; only a block's last NOP reads beyond
     * the block; and a jump the jump pass removes is a block's last instruction, now a NOP.)
     */
    static void removeRedundantNopsAndJumps(Cfg g) {
        int removedNops = removeRedundantNops(g);
        int removedJumps = removeRedundantJumps(g);
        while (removedNops + removedJumps > 0) {
            removedNops = 0;
            for (BasicBlock b = g.entry; b != null; b = b.next) {
                if (b.used > 0 && b.instrs[b.used - 1].op == Op.NOP) removedNops += basicblockRemoveRedundantNops(b);
            }
            removedJumps = removeRedundantJumps(g);
        }
    }

    /** {@code basicblock_inline_small_or_no_lineno_blocks}: true if {@code bb} was extended. */
    static boolean basicblockInlineSmallOrNoLinenoBlocks(OpcodeFacts f, BasicBlock bb) {
        CfgInstr last = bb.last();
        if (last == null || !f.isUnconditionalJump(last.op)) return false;
        BasicBlock target = last.target;
        boolean smallExitBlock = target.exitsScope(f) && target.used <= MAX_COPY_SIZE;
        boolean noLinenoNoFallthrough = target.hasNoLineno() && !target.hasFallthrough(f);
        if (smallExitBlock || noLinenoNoFallthrough) {
            Op removedJumpOp = last.op;
            last.setOp0(Op.NOP);
            bb.appendInstructions(target);
            if (noLinenoNoFallthrough) {
                last = bb.last();
                if (f.isUnconditionalJump(last.op) && removedJumpOp == Op.JUMP) {
                    last.op = Op.JUMP;
                }
            }
            target.predecessors--;
            return true;
        }
        return false;
    }

    /** {@code inline_small_or_no_lineno_blocks}. */
    static void inlineSmallOrNoLinenoBlocks(Cfg g) {
        boolean changes;
        do {
            changes = false;
            for (BasicBlock b = g.entry; b != null; b = b.next) {
                if (basicblockInlineSmallOrNoLinenoBlocks(g.facts, b)) changes = true;
            }
        } while (changes);
    }

    /** {@code normalize_jumps_in_block}: a backward conditional jump becomes the reversed forward jump over a JUMP. */
    static void normalizeJumpsInBlock(Cfg g, BasicBlock b) {
        OpcodeFacts f = g.facts;
        CfgInstr last = b.last();
        if (last == null || !f.isJump(last.op) || f.isUnconditionalJump(last.op)) return;
        boolean isForward = !last.target.visited;
        if (isForward) return;
        Op reversed = switch (last.op) {
            case POP_JUMP_IF_NOT_NONE -> Op.POP_JUMP_IF_NONE;
            case POP_JUMP_IF_NONE -> Op.POP_JUMP_IF_NOT_NONE;
            case POP_JUMP_IF_FALSE -> Op.POP_JUMP_IF_TRUE;
            case POP_JUMP_IF_TRUE -> Op.POP_JUMP_IF_FALSE;
            default -> throw new IllegalStateException("backward " + last.op);
        };
        BasicBlock target = last.target;
        BasicBlock backwardsJump = g.newBlock();
        backwardsJump.addJump(f, Op.JUMP, target, last.loc);
        last.op = reversed;
        last.target = b.next;
        backwardsJump.cold = b.cold;
        backwardsJump.next = b.next;
        b.next = backwardsJump;
    }

    /** {@code normalize_jumps}. */
    static void normalizeJumps(Cfg g) {
        normalizeJumps(g, JumpPasses::normalizeJumpsInBlock);
    }

    /** {@code normalize_jumps}'s walk (each block visited before it is normalized) with a version's {@code inBlock}. */
    static void normalizeJumps(Cfg g, java.util.function.BiConsumer<Cfg, BasicBlock> inBlock) {
        for (BasicBlock b = g.entry; b != null; b = b.next) b.visited = false;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            b.visited = true;
            inBlock.accept(g, b);
        }
    }

    /**
     * {@code convert_pseudo_conditional_jumps} (3.14): JUMP_IF_FALSE / JUMP_IF_TRUE, which keep the tested
     * value, become COPY 1, TO_BOOL, POP_JUMP_IF_FALSE / POP_JUMP_IF_TRUE at the jump's location.
     */
    static void convertPseudoConditionalJumps(Cfg g) {
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            for (int i = 0; i < b.used; i++) {
                CfgInstr instr = b.instrs[i];
                if (instr.op == Op.JUMP_IF_FALSE || instr.op == Op.JUMP_IF_TRUE) {
                    instr.op = instr.op == Op.JUMP_IF_FALSE ? Op.POP_JUMP_IF_FALSE : Op.POP_JUMP_IF_TRUE;
                    Location loc = instr.loc;
                    CfgInstr copy = new CfgInstr(Op.COPY, 1, loc);
                    CfgInstr toBool = new CfgInstr(Op.TO_BOOL, 0, loc);
                    copy.except = toBool.except = instr.except; // in the jump's handler range
                    b.insert(i++, copy);
                    b.insert(i++, toBool);
                }
            }
        }
    }

    /**
     * {@code normalize_jumps_in_block} of 3.14: a conditional jump's fall-through begins with NOT_TAKEN; a
     * backward one becomes the reversed forward jump over a block NOT_TAKEN, JUMP (at the jump's location,
     * entered at the target's depth).
     */
    static void normalizeJumpsInBlock314(Cfg g, BasicBlock b) {
        OpcodeFacts f = g.facts;
        CfgInstr last = b.last();
        if (last == null || !isConditionalJump(last.op)) return;
        if (!last.target.visited) {
            CfgInstr notTaken = b.addOp(Op.NOT_TAKEN, 0, last.loc);
            if (f.addedJumpsKeepHandler) notTaken.except = last.except; // 3.15
            return;
        }
        Op reversed = switch (last.op) {
            case POP_JUMP_IF_NOT_NONE -> Op.POP_JUMP_IF_NONE;
            case POP_JUMP_IF_NONE -> Op.POP_JUMP_IF_NOT_NONE;
            case POP_JUMP_IF_FALSE -> Op.POP_JUMP_IF_TRUE;
            default -> Op.POP_JUMP_IF_FALSE;
        };
        BasicBlock target = last.target;
        BasicBlock backwardsJump = g.newBlock();
        backwardsJump.addOp(Op.NOT_TAKEN, 0, last.loc);
        backwardsJump.addJump(f, Op.JUMP, target, last.loc);
        if (f.addedJumpsKeepHandler) { // 3.15: in the reversed jump's handler range
            for (int i = 0; i < backwardsJump.used; i++) backwardsJump.instrs[i].except = last.except;
        }
        backwardsJump.startdepth = target.startdepth;
        last.op = reversed;
        last.target = b.next;
        backwardsJump.cold = b.cold;
        backwardsJump.next = b.next;
        b.next = backwardsJump;
    }

    /** {@code IS_CONDITIONAL_JUMP_OPCODE}. */
    static boolean isConditionalJump(Op op) {
        return op == Op.POP_JUMP_IF_FALSE || op == Op.POP_JUMP_IF_TRUE || op == Op.POP_JUMP_IF_NONE
                || op == Op.POP_JUMP_IF_NOT_NONE;
    }

    /** {@code normalize_jumps} of 3.14. */
    static void normalizeJumps314(Cfg g) {
        for (BasicBlock b = g.entry; b != null; b = b.next) b.visited = false;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            b.visited = true;
            normalizeJumpsInBlock314(g, b);
        }
    }

    /** {@code convert_pseudo_ops}: the pseudo ops become their real forms, then {@code remove_redundant_nops_and_jumps}. */
    static void convertPseudoOps(Cfg g) {
        convertPseudoOpcodes(g);
        removeRedundantNopsAndJumps(g);
    }

    /**
     * The loop of {@code convert_pseudo_ops} (3.12: of {@code _PyCfg_ConvertPseudoOps}): block pushes and POP_BLOCK
     * (left by 3.12's {@code label_exception_targets}) become NOPs, STORE_FAST_MAYBE_NULL a STORE_FAST, and
     * LOAD_CLOSURE a LOAD_FAST where it is a pseudo op (3.13+).
     */
    static void convertPseudoOpcodes(Cfg g) {
        OpcodeFacts f = g.facts;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.get(i);
                if (f.isBlockPush(in.op) || in.op == Op.POP_BLOCK) in.setOp0(Op.NOP);
                else if (in.op == Op.LOAD_CLOSURE && f.loadClosurePseudo) in.op = Op.LOAD_FAST;
                else if (in.op == Op.STORE_FAST_MAYBE_NULL) in.op = Op.STORE_FAST;
            }
        }
    }
}
