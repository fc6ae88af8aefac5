package org.jpyc.flowgraph;

import org.jpyc.instrseq.Instr;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;

/**
 * One instruction of a basic block ({@code cfg_instr}, Python/flowgraph.c). CPython's passes copy these
 * by value; here every slot of a block holds its own object, and passes that copy instructions between
 * blocks copy the object ({@link #copy}). It is an {@link Instr} (op, oparg, location), so that
 * {@code _PyCfg_ToInstructionSequence} puts the block's objects themselves in the sequence it makes, with
 * their handler fields set, instead of a copy of each.
 */
final class CfgInstr extends Instr {
    /** {@code i_target}: the block a jump or block push goes to. */
    BasicBlock target;
    /** {@code i_except}: the handler in force at this instruction, or null. */
    BasicBlock except;

    CfgInstr(Op op, int oparg, Location loc) {
        super(op, oparg, loc);
    }

    @Override
    public CfgInstr copy() {
        CfgInstr c = new CfgInstr(op, oparg, loc);
        c.target = target;
        c.except = except;
        return c;
    }

    /** {@code INSTR_SET_OP0}. */
    void setOp0(Op newOp) {
        op = newOp;
        oparg = 0;
    }

    /** {@code INSTR_SET_OP1}. */
    void setOp1(Op newOp, int arg) {
        op = newOp;
        oparg = arg;
    }

    @Override
    public String toString() {
        return op + " " + oparg + (target != null ? " ->B" + target.label : "") + " @" + loc.lineno();
    }
}
