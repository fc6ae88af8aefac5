package org.jpyc.flowgraph;

import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;

/** The per-block peephole passes of Python/flowgraph.c: {@code optimize_basic_block} and {@code insert_superinstructions}. */
final class Peephole {
    private Peephole() {}

    private static final CfgInstr NOP = new CfgInstr(Op.NOP, 0, Location.NO_LOCATION);

    /**
     * {@code jump_thread}: {@code inst}, the last instruction of {@code bb}, jumps to {@code target}, a
     * jump; it becomes a NOP followed by {@code op} straight to the target's target. Returns 1 if done.
     */
    static int jumpThread(OpcodeFacts f, BasicBlock bb, CfgInstr inst, CfgInstr target, Op op) {
        if (inst.target != target.target) {
            inst.setOp0(Op.NOP);
            bb.addJump(f, op, target.target, target.loc);
            if (f.addedJumpsKeepHandler) bb.last().except = inst.except; // 3.15
            return 1;
        }
        return 0;
    }

    /**
     * The cases of {@code optimize_basic_block} that 3.13 and 3.14 share (jump-to-jump threading, a repeated
     * STORE_FAST, SWAP 1, LOAD_GLOBAL + PUSH_NULL, COMPARE_OP + TO_BOOL, TO_BOOL + TO_BOOL) for the
     * instruction at {@code i}. Returns how many instructions the loop index moves back (jump threading
     * appends a jump), 0 otherwise. The loop's {@code target} (the jump target's first instruction, or a NOP)
     * is read only by the jump cases, which find it themselves ({@link #jumpTargetInstr}).
     */
    static int sharedPeepholes(OpcodeFacts f, BasicBlock bb, int i) {
        CfgInstr inst = bb.instrs[i];
        Op opcode = inst.op;
        int oparg = inst.oparg;
        Op nextop = i + 1 < bb.used ? bb.instrs[i + 1].op : null;
        switch (opcode) {
            case JUMP, JUMP_NO_INTERRUPT -> {
                CfgInstr target = jumpTargetInstr(f, inst);
                if (target.op == Op.JUMP) return jumpThread(f, bb, inst, target, Op.JUMP);
                if (target.op == Op.JUMP_NO_INTERRUPT) return jumpThread(f, bb, inst, target, opcode);
            }
            case STORE_FAST -> {
                if (opcode == nextop && oparg == bb.instrs[i + 1].oparg
                        && bb.instrs[i].loc.lineno() == bb.instrs[i + 1].loc.lineno()) {
                    bb.instrs[i].op = Op.POP_TOP;
                    bb.instrs[i].oparg = 0;
                }
            }
            case SWAP -> {
                if (oparg == 1) inst.setOp0(Op.NOP);
            }
            case LOAD_GLOBAL -> {
                if (nextop == Op.PUSH_NULL && (oparg & 1) == 0) {
                    inst.setOp1(Op.LOAD_GLOBAL, oparg | 1);
                    bb.instrs[i + 1].setOp0(Op.NOP);
                }
            }
            case COMPARE_OP -> {
                if (nextop == Op.TO_BOOL) {
                    inst.setOp0(Op.NOP);
                    bb.instrs[i + 1].setOp1(Op.COMPARE_OP, oparg | 16);
                }
            }
            case TO_BOOL -> {
                if (nextop == Op.TO_BOOL) inst.setOp0(Op.NOP);
            }
            default -> { }
        }
        return 0;
    }

    /** The first instruction of {@code inst}'s jump target, or a NOP when it has none (or the target is empty). */
    static CfgInstr jumpTargetInstr(OpcodeFacts f, CfgInstr inst) {
        return f.hasTarget(inst.op) && inst.target.used > 0 ? inst.target.instrs[0] : NOP;
    }

    /**
     * BUILD_TUPLE n at {@code i} followed by UNPACK_SEQUENCE n: both go for n = 1, a SWAP stays for n = 2
     * or 3 (both versions' {@code optimize_basic_block}). True if rewritten.
     */
    static boolean buildTupleUnpacked(BasicBlock bb, int i) {
        CfgInstr inst = bb.instrs[i];
        int oparg = inst.oparg;
        if (i + 1 >= bb.used || bb.instrs[i + 1].op != Op.UNPACK_SEQUENCE || oparg != bb.instrs[i + 1].oparg) return false;
        if (oparg == 1) {
            inst.setOp0(Op.NOP);
            bb.instrs[i + 1].setOp0(Op.NOP);
            return true;
        }
        if (oparg == 2 || oparg == 3) {
            inst.setOp0(Op.NOP);
            bb.instrs[i + 1].op = Op.SWAP;
            return true;
        }
        return false;
    }

    /** The end of {@code optimize_basic_block}: {@code swaptimize} and {@code apply_static_swaps} at each SWAP. */
    static void optimizeSwaps(OpcodeFacts f, BasicBlock bb) {
        for (int i = 0; i < bb.used; i++) {
            if (bb.instrs[i].op == Op.SWAP) {
                i = Swaps.swaptimize(bb, i);
                Swaps.applyStaticSwaps(f, bb, i);
            }
        }
    }

    /** {@code optimize_basic_block}. */
    static void optimizeBasicBlock(OpcodeFacts f, ConstFolding consts, BasicBlock bb) {
        for (int i = 0; i < bb.used; i++) {
            CfgInstr inst = bb.instrs[i];
            Op opcode = inst.op;
            int oparg = inst.oparg;
            Op nextop = i + 1 < bb.used ? bb.instrs[i + 1].op : null;
            switch (opcode) {
                case BUILD_TUPLE -> {
                    if (buildTupleUnpacked(bb, i)) continue;
                    if (i >= oparg) consts.foldTupleOnConstants(bb, i - oparg, oparg);
                }
                case POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_NONE, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE -> {
                    CfgInstr target = jumpTargetInstr(f, inst); // CPython's loop reads it first; only jumps use it
                    if (target.op == Op.JUMP) i -= jumpThread(f, bb, inst, target, inst.op);
                }
                case CONTAINS_OP, IS_OP -> {
                    if (nextop == Op.TO_BOOL) {
                        inst.setOp0(Op.NOP);
                        bb.instrs[i + 1].setOp1(opcode, oparg);
                    }
                }
                case UNARY_NOT -> {
                    if (nextop == Op.TO_BOOL) {
                        inst.setOp0(Op.NOP);
                        bb.instrs[i + 1].setOp0(Op.UNARY_NOT);
                    } else if (nextop == Op.UNARY_NOT) {
                        inst.setOp0(Op.NOP);
                        bb.instrs[i + 1].setOp0(Op.NOP);
                    }
                }
                default -> i -= sharedPeepholes(f, bb, i);
            }
        }
        optimizeSwaps(f, bb);
    }

    /** {@code make_super_instruction}; returns whether it made one (and a NOP). */
    static boolean makeSuperInstruction(CfgInstr inst1, CfgInstr inst2, Op superOp) {
        int line1 = inst1.loc.lineno();
        int line2 = inst2.loc.lineno();
        if (line1 >= 0 && line2 >= 0 && line1 != line2) return false;
        if (inst1.oparg >= 16 || inst2.oparg >= 16) return false;
        inst1.setOp1(superOp, (inst1.oparg << 4) | inst2.oparg);
        inst2.setOp0(Op.NOP);
        return true;
    }

    /**
     * {@code insert_superinstructions}: LOAD_FAST_LOAD_FAST, STORE_FAST_LOAD_FAST, STORE_FAST_STORE_FAST,
     * then {@code remove_redundant_nops}. That removal runs on the blocks given a superinstruction only: the
     * graph comes from {@code remove_redundant_nops_and_jumps}, whose last round removed no NOP and changed no
     * jump (the passes between change opargs and LOAD_FAST's check form only), so {@code basicblock_remove_redundant_nops}
     * changes no other block. For a block's last NOP, it reads the next non-empty block's first instruction that
     * is not a NOP without a line; no such NOP is left, and a superinstruction's NOP is never a block's first.
     */
    static void insertSuperinstructions(Cfg g) {
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            boolean made = false;
            for (int i = 0; i < b.used; i++) {
                CfgInstr inst = b.instrs[i];
                Op nextop = i + 1 < b.used ? b.instrs[i + 1].op : null;
                if (inst.op == Op.LOAD_FAST) {
                    if (nextop == Op.LOAD_FAST) made |= makeSuperInstruction(inst, b.instrs[i + 1], Op.LOAD_FAST_LOAD_FAST);
                } else if (inst.op == Op.STORE_FAST) {
                    if (nextop == Op.LOAD_FAST) made |= makeSuperInstruction(inst, b.instrs[i + 1], Op.STORE_FAST_LOAD_FAST);
                    else if (nextop == Op.STORE_FAST) made |= makeSuperInstruction(inst, b.instrs[i + 1], Op.STORE_FAST_STORE_FAST);
                }
            }
            if (made) JumpPasses.basicblockRemoveRedundantNops(b);
        }
    }
}
