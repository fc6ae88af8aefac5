package org.jpyc.flowgraph;

import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyObject;

/**
 * {@code optimize_basic_block} and {@code jump_thread} of Python/compile.c 3.11: the LOAD_CONST rules (a constant
 * before POP_JUMP_IF_* or JUMP_IF_*_OR_POP, {@code is None} before a conditional jump), tuple folding, the
 * JUMP_IF_*_OR_POP threading rules, jumps to jumps threaded in place only when both have the same line (3.12: also
 * when the reached jump has none), SWAP runs, PUSH_NULL before LOAD_GLOBAL. A jump's target first skips empty blocks.
 */
final class Peephole311 {
    private Peephole311() {}

    private static final CfgInstr NOP = new CfgInstr(Op.NOP, 0, Location.NO_LOCATION);

    /** {@code jump_thread} (3.11): in place, when both jumps have the same line and their targets differ. */
    static int jumpThread(CfgInstr inst, CfgInstr target, Op opcode) {
        if (inst.loc.lineno() == target.loc.lineno() && inst.target != target.target) {
            inst.target = target.target;
            inst.op = opcode;
            return 1;
        }
        return 0;
    }

    /** {@code optimize_basic_block} (3.11). */
    static void optimizeBasicBlock(OpcodeFacts f, ConstFolding consts, BasicBlock bb) {
        for (int i = 0; i < bb.used; i++) {
            CfgInstr inst = bb.instrs[i];
            int oparg = inst.oparg;
            Op nextop = i + 1 < bb.used ? bb.instrs[i + 1].op : null;
            CfgInstr target;
            if (f.hasTarget(inst.op)) {
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
                        bb.instrs[i + 1].op = isTrue == jumpIfTrue ? Op.JUMP : Op.NOP;
                    } else if (nextop == Op.JUMP_IF_FALSE_OR_POP || nextop == Op.JUMP_IF_TRUE_OR_POP) {
                        boolean isTrue = ConstFolding.isTrue(consts.getConstValue(inst.op, oparg));
                        boolean jumpIfTrue = nextop == Op.JUMP_IF_TRUE_OR_POP;
                        if (isTrue == jumpIfTrue) {
                            bb.instrs[i + 1].op = Op.JUMP;
                        } else {
                            inst.op = Op.NOP;
                            bb.instrs[i + 1].op = Op.NOP;
                        }
                    } else if (nextop == Op.IS_OP) {
                        PyObject cnt = consts.getConstValue(inst.op, oparg);
                        Op jumpOp = i + 2 < bb.used ? bb.instrs[i + 2].op : null;
                        if (cnt instanceof PyConst c && c.kind() == PyConst.Kind.NONE
                                && (jumpOp == Op.POP_JUMP_IF_FALSE || jumpOp == Op.POP_JUMP_IF_TRUE)) {
                            int nextarg = bb.instrs[i + 1].oparg & 0xff; // an unsigned char in C
                            inst.op = Op.NOP;
                            bb.instrs[i + 1].op = Op.NOP;
                            boolean notNone = (nextarg ^ (jumpOp == Op.POP_JUMP_IF_FALSE ? 1 : 0)) != 0;
                            bb.instrs[i + 2].op = notNone ? Op.POP_JUMP_IF_NOT_NONE : Op.POP_JUMP_IF_NONE;
                        }
                    }
                }
                case BUILD_TUPLE -> {
                    if (Peephole.buildTupleUnpacked(bb, i)) continue;
                    if (i >= oparg) consts.foldTupleOnConstants(bb, i - oparg, oparg);
                }
                case JUMP_IF_FALSE_OR_POP ->
                        i -= threadOrPop(inst, target, Op.POP_JUMP_IF_FALSE, Op.JUMP_IF_TRUE_OR_POP, Op.POP_JUMP_IF_TRUE);
                case JUMP_IF_TRUE_OR_POP ->
                        i -= threadOrPop(inst, target, Op.POP_JUMP_IF_TRUE, Op.JUMP_IF_FALSE_OR_POP, Op.POP_JUMP_IF_FALSE);
                case POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_NONE, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, JUMP -> {
                    if (target.op == Op.JUMP) i -= jumpThread(inst, target, inst.op);
                }
                case SWAP -> {
                    if (oparg == 1) {
                        inst.op = Op.NOP;
                    } else {
                        i = Swaps.swaptimize(bb, i);
                        Swaps.applyStaticSwaps(f, bb, i);
                    }
                }
                // 3.11.3 tests LOAD_GLOBAL's oparg (a pre-release compile.c tested its opcode: PUSH_NULL followed by a
                // LOAD_GLOBAL that pushes its own NULL stays so in 3.11.3's output)
                case PUSH_NULL -> Peephole312.pushNullIntoLoadGlobal(bb, i);
                default -> { }
            }
        }
    }

    /**
     * The {@code JUMP_IF_FALSE_OR_POP} / {@code JUMP_IF_TRUE_OR_POP} arms of 3.11's {@code optimize_basic_block}, for
     * {@code inst} (one of them) jumping to {@code target}: to a pop jump of the same sense, thread as that jump; to a
     * JUMP or an or-pop jump of the same sense, thread as {@code inst}'s own op; to a jump of the other sense on the same
     * line, become the same-sense pop jump to the block after the target's. Returns how far the loop index moves back.
     */
    private static int threadOrPop(CfgInstr inst, CfgInstr target, Op popSame, Op orPopOther, Op popOther) {
        Op orPopSame = inst.op;
        if (target.op == popSame) return jumpThread(inst, target, popSame);
        if (target.op == Op.JUMP || target.op == orPopSame) return jumpThread(inst, target, orPopSame);
        if ((target.op == orPopOther || target.op == popOther) && inst.loc.lineno() == target.loc.lineno()) {
            inst.op = popSame;
            inst.target = inst.target.next;
            return 1;
        }
        return 0;
    }
}
