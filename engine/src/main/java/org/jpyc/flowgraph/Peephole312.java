package org.jpyc.flowgraph;

import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyObject;

/**
 * {@code optimize_basic_block} and {@code jump_thread} of Python/flowgraph.c 3.12: the LOAD_CONST rules live here
 * (3.13 moved them to {@code optimize_load_const}), a jump is threaded in place, PUSH_NULL before LOAD_GLOBAL is
 * folded into LOAD_GLOBAL's low bit, and SWAP runs are optimized as the loop meets them. No TO_BOOL, UNARY_NOT or
 * repeated-STORE_FAST rules.
 */
final class Peephole312 {
    private Peephole312() {}

    private static final CfgInstr NOP = new CfgInstr(Op.NOP, 0, Location.NO_LOCATION);

    /**
     * {@code jump_thread} (3.12): {@code inst} jumps to {@code target}, a jump; when both are on one line (or the
     * target has none) and their targets differ, {@code inst} becomes {@code opcode} to the target's target, in
     * place. Returns 1 if done.
     */
    static int jumpThread(CfgInstr inst, CfgInstr target, Op opcode) {
        int line = target.loc.lineno();
        if ((inst.loc.lineno() == line || line == -1) && inst.target != target.target) {
            inst.target = target.target;
            inst.op = opcode;
            return 1;
        }
        return 0;
    }

    /** {@code optimize_basic_block} (3.12). */
    static void optimizeBasicBlock(OpcodeFacts f, ConstFolding consts, BasicBlock bb) {
        CfgInstr target = NOP;
        Op opcode = null;
        int oparg = 0;
        for (int i = 0; i < bb.used; i++) {
            CfgInstr inst = bb.instrs[i];
            // a COPY 1 of a LOAD_CONST is read as that LOAD_CONST (opcode, oparg and target kept)
            boolean isCopyOfLoadConst = opcode == Op.LOAD_CONST && inst.op == Op.COPY && inst.oparg == 1;
            if (!isCopyOfLoadConst) {
                opcode = inst.op;
                oparg = inst.oparg;
                target = f.hasTarget(opcode) && inst.target.used > 0 ? inst.target.instrs[0] : NOP;
            }
            Op nextop = i + 1 < bb.used ? bb.instrs[i + 1].op : null;
            switch (opcode) {
                case LOAD_CONST -> {
                    if (nextop == Op.POP_JUMP_IF_FALSE || nextop == Op.POP_JUMP_IF_TRUE) {
                        boolean isTrue = ConstFolding.isTrue(consts.getConstValue(opcode, oparg));
                        inst.setOp0(Op.NOP);
                        boolean jumpIfTrue = nextop == Op.POP_JUMP_IF_TRUE;
                        if (isTrue == jumpIfTrue) bb.instrs[i + 1].op = Op.JUMP;
                        else bb.instrs[i + 1].setOp0(Op.NOP);
                    } else if (nextop == Op.IS_OP) {
                        PyObject cnt = consts.getConstValue(opcode, oparg);
                        Op jumpOp = i + 2 < bb.used ? bb.instrs[i + 2].op : null;
                        if (cnt instanceof PyConst c && c.kind() == PyConst.Kind.NONE && (jumpOp == Op.POP_JUMP_IF_FALSE || jumpOp == Op.POP_JUMP_IF_TRUE)) {
                            int nextarg = bb.instrs[i + 1].oparg & 0xff; // an unsigned char in C
                            inst.setOp0(Op.NOP);
                            bb.instrs[i + 1].setOp0(Op.NOP);
                            boolean notNone = (nextarg ^ (jumpOp == Op.POP_JUMP_IF_FALSE ? 1 : 0)) != 0;
                            bb.instrs[i + 2].op = notNone ? Op.POP_JUMP_IF_NOT_NONE : Op.POP_JUMP_IF_NONE;
                        }
                    } else if (nextop == Op.RETURN_VALUE) {
                        inst.setOp0(Op.NOP);
                        bb.instrs[++i].setOp1(Op.RETURN_CONST, oparg);
                    }
                }
                case BUILD_TUPLE -> {
                    if (Peephole.buildTupleUnpacked(bb, i)) continue;
                    if (i >= oparg) consts.foldTupleOnConstants(bb, i - oparg, oparg);
                }
                case POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_NONE, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE -> {
                    if (target.op == Op.JUMP) i -= jumpThread(inst, target, inst.op);
                }
                case JUMP -> {
                    if (target.op == Op.JUMP) i -= jumpThread(inst, target, Op.JUMP);
                }
                case SWAP -> {
                    if (oparg == 1) {
                        inst.setOp0(Op.NOP);
                    } else {
                        i = Swaps.swaptimize(bb, i);
                        Swaps.applyStaticSwaps(f, bb, i);
                    }
                }
                case PUSH_NULL -> pushNullIntoLoadGlobal(bb, i);
                default -> { }
            }
        }
    }

    /** A PUSH_NULL at {@code i} before a LOAD_GLOBAL that pushes no NULL of its own goes into that LOAD_GLOBAL's low bit (3.11, 3.12). */
    static void pushNullIntoLoadGlobal(BasicBlock bb, int i) {
        if (i + 1 < bb.used && bb.instrs[i + 1].op == Op.LOAD_GLOBAL && (bb.instrs[i + 1].oparg & 1) == 0) {
            bb.instrs[i].setOp0(Op.NOP);
            bb.instrs[i + 1].oparg |= 1;
        }
    }
}
