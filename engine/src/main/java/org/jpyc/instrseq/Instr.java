package org.jpyc.instrseq;

/**
 * One instruction of an {@link InstrSequence} ({@code _PyInstruction}, Include/internal/pycore_instruction_sequence.h).
 * Mutable, as CPython's passes rewrite instructions in place. For a jump or a block-push pseudo op
 * ({@code SETUP_*}), {@link #oparg} is a label id until labels are resolved. Not final: the optimizer's
 * instructions ({@code cfg_instr}) extend it, so that {@code _PyCfg_ToInstructionSequence} can put them
 * in the sequence it makes rather than copies.
 */
public class Instr {
    public Op op;
    public int oparg;
    public Location loc;
    /** {@code i_except_handler_info}: the handler's label (-1: none), its stack depth, and whether it preserves lasti. */
    public int handlerLabel = -1;
    public int handlerStartDepth = -1;
    public boolean handlerPreserveLasti;
    /**
     * {@code i_offset}: a scratch field of the assembler. ({@code i_target}, a jump's target index, is kept in
     * the assembler's own array: a field fewer makes every instruction, the CFG's included, 8 bytes smaller.)
     */
    public int offset;

    public Instr(Op op, int oparg, Location loc) {
        this.op = op;
        this.oparg = oparg;
        this.loc = loc;
    }

    public Instr copy() {
        Instr i = new Instr(op, oparg, loc);
        i.handlerLabel = handlerLabel;
        i.handlerStartDepth = handlerStartDepth;
        i.handlerPreserveLasti = handlerPreserveLasti;
        i.offset = offset;
        return i;
    }

    @Override
    public String toString() {
        return op + " " + oparg + (loc == null || loc.isNone() ? "" : " @" + loc.lineno() + ":" + loc.colOffset());
    }
}
