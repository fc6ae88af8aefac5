package org.jpyc.flowgraph;

import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;

/**
 * {@code optimize_basic_block} and {@code fold_rotations} of Python/compile.c 3.10.8: the LOAD_CONST rules (a constant
 * before POP_JUMP_IF_* or JUMP_IF_*_OR_POP), BUILD_TUPLE + UNPACK_SEQUENCE as rotations, tuple folding, jumps to
 * jumps threaded in place when both have the same line ({@code jump_thread}, as in 3.11), FOR_ITER to a JUMP_FORWARD
 * threaded too, ROT_N simplified and cancelling rotations removed. A jump's target first skips empty blocks.
 */
final class Peephole310 {
    private Peephole310() {}

    private static final CfgInstr NOP = new CfgInstr(Op.NOP, 0, Location.NO_LOCATION);

    /** A jump made a NOP: its oparg is 0, as a 3.10 jump's {@code i_oparg} is until {@code assemble_jump_offsets}. */
    private static Op jumpToNop(CfgInstr jump) {
        jump.oparg = 0;
        return Op.NOP;
    }

    /** {@code optimize_basic_block} (3.10). */
    static void optimizeBasicBlock(OpcodeFacts f, ConstFolding consts, BasicBlock bb) {
        for (int i = 0; i < bb.used; i++) {
            CfgInstr inst = bb.instrs[i];
            int oparg = inst.oparg;
            Op nextop = i + 1 < bb.used ? bb.instrs[i + 1].op : null;
            CfgInstr target;
            if (f.isJump(inst.op)) {
                while (inst.target.used == 0) inst.target = inst.target.next; // skip empty blocks
                target = inst.target.instrs[0];
            } else {
                target = NOP;
            }
            switch (inst.op) {
                case LOAD_CONST -> {
                    if (nextop == Op.POP_JUMP_IF_FALSE || nextop == Op.POP_JUMP_IF_TRUE) {
                        boolean isTrue = ConstFolding.isTrue(consts.getConstValue(inst.op, oparg));
                        inst.op = Op.NOP;
                        boolean jumpIfTrue = nextop == Op.POP_JUMP_IF_TRUE;
                        bb.instrs[i + 1].op = isTrue == jumpIfTrue ? Op.JUMP_ABSOLUTE : jumpToNop(bb.instrs[i + 1]);
                    } else if (nextop == Op.JUMP_IF_FALSE_OR_POP || nextop == Op.JUMP_IF_TRUE_OR_POP) {
                        boolean isTrue = ConstFolding.isTrue(consts.getConstValue(inst.op, oparg));
                        boolean jumpIfTrue = nextop == Op.JUMP_IF_TRUE_OR_POP;
                        if (isTrue == jumpIfTrue) {
                            bb.instrs[i + 1].op = Op.JUMP_ABSOLUTE;
                        } else {
                            inst.op = Op.NOP;
                            bb.instrs[i + 1].op = jumpToNop(bb.instrs[i + 1]);
                        }
                    }
                }
                case BUILD_TUPLE -> {
                    if (nextop == Op.UNPACK_SEQUENCE && oparg == bb.instrs[i + 1].oparg) {
                        CfgInstr next = bb.instrs[i + 1];
                        switch (oparg) {
                            case 1 -> {
                                inst.op = Op.NOP;
                                next.op = Op.NOP;
                            }
                            case 2 -> {
                                inst.op = Op.ROT_TWO;
                                next.op = Op.NOP;
                            }
                            case 3 -> {
                                inst.op = Op.ROT_THREE;
                                next.op = Op.ROT_TWO;
                            }
                            default -> { }
                        }
                        continue;
                    }
                    if (i >= oparg) consts.foldTupleOnConstants(bb, i - oparg, oparg, true);
                }
                case JUMP_IF_FALSE_OR_POP ->
                        i -= threadOrPop(inst, target, Op.POP_JUMP_IF_FALSE, Op.JUMP_IF_TRUE_OR_POP);
                case JUMP_IF_TRUE_OR_POP ->
                        i -= threadOrPop(inst, target, Op.POP_JUMP_IF_TRUE, Op.JUMP_IF_FALSE_OR_POP);
                case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE -> {
                    if (target.op == Op.JUMP_ABSOLUTE || target.op == Op.JUMP_FORWARD) {
                        i -= Peephole311.jumpThread(inst, target, inst.op);
                    }
                }
                case JUMP_ABSOLUTE, JUMP_FORWARD -> {
                    if (target.op == Op.JUMP_FORWARD) {
                        i -= Peephole311.jumpThread(inst, target, inst.op);
                    } else if (target.op == Op.JUMP_ABSOLUTE) {
                        i -= Peephole311.jumpThread(inst, target, Op.JUMP_ABSOLUTE);
                    } else if (inst.target.exitAtNormalize310 && inst.target.used <= JumpPasses311.MAX_COPY_SIZE) {
                        // a jump to a small exit block gets a copy of it, whatever its lines (3.10.8's default case;
                        // the C copy loop reuses the loop counter, so the scan goes on after the copies' count). The
                        // target qualifies only as an exit normalize_basic_block marked: a block that became one by
                        // extend_block's copy before optimize_cfg is left to the second extend_block (measured:
                        // tempfile.py's onerror; with any b_exit block here, 2407 of the 3.10.8 Lib's 2409 files)
                        BasicBlock toCopy = inst.target;
                        jumpToNop(inst);
                        inst.op = Op.NOP;
                        bb.appendInstructions(toCopy);
                        bb.exit310 = true;
                        i = toCopy.used;
                    }
                }
                case FOR_ITER -> {
                    if (target.op == Op.JUMP_FORWARD) i -= Peephole311.jumpThread(inst, target, Op.FOR_ITER);
                }
                case ROT_N -> {
                    switch (oparg) {
                        case 0, 1 -> {
                            inst.op = Op.NOP;
                            continue;
                        }
                        case 2 -> inst.op = Op.ROT_TWO;
                        case 3 -> inst.op = Op.ROT_THREE;
                        case 4 -> inst.op = Op.ROT_FOUR;
                        default -> { }
                    }
                    if (i >= oparg - 1) foldRotations(bb, i - oparg + 1, oparg);
                }
                default -> { }
            }
        }
    }

    /**
     * The {@code JUMP_IF_FALSE_OR_POP} / {@code JUMP_IF_TRUE_OR_POP} arms of 3.10's {@code optimize_basic_block}, for
     * {@code inst} (one of them) jumping to {@code target}: to a pop jump of the same sense, thread as that jump; to an
     * unconditional jump or an or-pop jump of the same sense, thread as {@code inst}'s own op ({@code jump_thread}:
     * same line, another target); to the or-pop jump of the other sense on the same line, become the same-sense pop
     * jump to the block after the target's. Returns how far the loop index moves back.
     */
    private static int threadOrPop(CfgInstr inst, CfgInstr target, Op popSame, Op orPopOther) {
        Op orPopSame = inst.op;
        if (target.op == popSame) return Peephole311.jumpThread(inst, target, popSame);
        if (target.op == Op.JUMP_ABSOLUTE || target.op == Op.JUMP_FORWARD || target.op == orPopSame) {
            return Peephole311.jumpThread(inst, target, orPopSame);
        }
        if (target.op == orPopOther && inst.loc.lineno() == target.loc.lineno()) {
            inst.op = popSame;
            inst.target = inst.target.next;
            return 1;
        }
        return 0;
    }

    /** {@code fold_rotations}: {@code n} rotations of {@code n} in a row cancel out (NOPs). */
    static void foldRotations(BasicBlock bb, int start, int n) {
        for (int i = 0; i < n; i++) {
            CfgInstr in = bb.instrs[start + i];
            int rot = switch (in.op) {
                case ROT_N -> in.oparg;
                case ROT_FOUR -> 4;
                case ROT_THREE -> 3;
                case ROT_TWO -> 2;
                default -> -1;
            };
            if (rot != n) return;
        }
        for (int i = 0; i < n; i++) bb.instrs[start + i].op = Op.NOP;
    }
}
