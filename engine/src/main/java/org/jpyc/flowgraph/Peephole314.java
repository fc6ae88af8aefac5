package org.jpyc.flowgraph;

import org.jpyc.instrseq.Op;

/**
 * {@code optimize_basic_block} of Python/flowgraph.c 3.14: the 3.13 peepholes plus constant folding
 * (tuples, lists and sets, unary and binary operations, the list-to-tuple intrinsic), threading of the
 * pseudo jumps JUMP_IF_FALSE / JUMP_IF_TRUE, and {@code not} folded into IS_OP / CONTAINS_OP.
 */
final class Peephole314 {
    private Peephole314() {}

    /** {@code optimize_basic_block} (3.14). */
    static void optimizeBasicBlock(OpcodeFacts f, ConstFolding314 consts, BasicBlock bb) {
        int listToTuple = f.intrinsicListToTuple;
        int unaryPositive = f.intrinsicUnaryPositive;
        for (int i = 0; i < bb.used; i++) {
            CfgInstr inst = bb.instrs[i];
            Op opcode = inst.op;
            int oparg = inst.oparg;
            Op nextop = i + 1 < bb.used ? bb.instrs[i + 1].op : null;
            switch (opcode) {
                case BUILD_TUPLE -> {
                    if (Peephole.buildTupleUnpacked(bb, i)) continue;
                    consts.foldTupleOfConstants(bb, i);
                }
                case BUILD_LIST, BUILD_SET -> consts.optimizeListsAndSets(bb, i, nextop);
                case POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_NONE, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE -> {
                    CfgInstr target = Peephole.jumpTargetInstr(f, inst); // CPython's loop reads it first; only jumps use it
                    if (target.op == Op.JUMP) i -= Peephole.jumpThread(f, bb, inst, target, inst.op);
                }
                case JUMP_IF_FALSE, JUMP_IF_TRUE -> {
                    Op same = opcode;
                    Op other = opcode == Op.JUMP_IF_FALSE ? Op.JUMP_IF_TRUE : Op.JUMP_IF_FALSE;
                    CfgInstr target = Peephole.jumpTargetInstr(f, inst);
                    if (target.op == Op.JUMP || target.op == same) {
                        i -= Peephole.jumpThread(f, bb, inst, target, same);
                    } else if (target.op == other) {
                        // the other test leaves the value for its false (true) branch: go past it
                        inst.target = inst.target.next;
                        i--;
                    }
                }
                case CONTAINS_OP, IS_OP -> {
                    if (opcode == Op.CONTAINS_OP && f.appendedListFoldBeforeIter) consts.foldConstantListBeforeIter(bb, i);
                    if (nextop == Op.TO_BOOL) {
                        inst.setOp0(Op.NOP);
                        bb.instrs[i + 1].setOp1(opcode, oparg);
                    } else if (nextop == Op.UNARY_NOT) {
                        inst.setOp0(Op.NOP);
                        bb.instrs[i + 1].setOp1(opcode, oparg ^ 1);
                    }
                }
                case UNARY_NOT -> {
                    if (nextop == Op.TO_BOOL) {
                        inst.setOp0(Op.NOP);
                        bb.instrs[i + 1].setOp0(Op.UNARY_NOT);
                    } else if (nextop == Op.UNARY_NOT) {
                        inst.setOp0(Op.NOP);
                        bb.instrs[i + 1].setOp0(Op.NOP);
                    } else {
                        consts.foldConstUnaryop(bb, i);
                    }
                }
                case UNARY_INVERT, UNARY_NEGATIVE -> consts.foldConstUnaryop(bb, i);
                case CALL_INTRINSIC_1 -> {
                    if (oparg == listToTuple) {
                        if (f.listToTupleFoldBeforeIter) { // 3.15: fold first; an unfolded one before GET_ITER goes
                            consts.foldConstantIntrinsicListToTuple(bb, i);
                            if (nextop == Op.GET_ITER && inst.op == Op.CALL_INTRINSIC_1) inst.setOp0(Op.NOP);
                        } else if (nextop == Op.GET_ITER) inst.setOp0(Op.NOP);
                        else consts.foldConstantIntrinsicListToTuple(bb, i);
                    } else if (oparg == unaryPositive) {
                        consts.foldConstUnaryop(bb, i);
                    }
                }
                case BINARY_OP -> consts.foldConstBinop(bb, i);
                case GET_ITER -> {
                    if (f.appendedListFoldBeforeIter) consts.foldConstantListBeforeIter(bb, i);
                    else i -= Peephole.sharedPeepholes(f, bb, i);
                }
                default -> i -= Peephole.sharedPeepholes(f, bb, i);
            }
        }
        Peephole.optimizeSwaps(f, bb);
    }
}
