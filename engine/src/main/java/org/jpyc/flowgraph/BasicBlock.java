package org.jpyc.flowgraph;

import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;

/**
 * A basic block ({@code basicblock}, Python/flowgraph.c): its instructions in {@code instrs[0..used)},
 * the next block in layout order ({@code b_next}) and the per-pass scratch fields CPython keeps on it.
 */
final class BasicBlock {
    static final int NO_LABEL = -1;

    /** {@code b_label}: the label id if this block is a jump target, else {@link #NO_LABEL}. */
    int label = NO_LABEL;
    /** {@code b_exceptstack}: exception stack at block entry, during {@code label_exception_targets}. */
    ExceptStack exceptStack;
    CfgInstr[] instrs = NO_INSTRS;
    /** {@code b_iused}. */
    int used;
    /** {@code b_next}: the next block in layout order. */
    BasicBlock next;
    /** {@code b_unsafe_locals_mask}. */
    long unsafeLocalsMask;
    /** The {@link #unsafeLocalsMask} this block was last scanned with ({@link UninitializedLocals}' own). */
    long scannedLocalsMask;
    int predecessors;
    /** {@code b_startdepth}. */
    int startdepth;
    boolean preserveLasti;
    boolean visited;
    boolean exceptHandler;
    boolean cold;
    boolean warm;
    /**
     * 3.11: when codegen allocated the block ({@code b_list} is the reverse of this order; {@link Cfg#fromSequence}
     * sets it, {@link Long#MIN_VALUE} for the entry block and for blocks whose time is unknown).
     */
    long allocKey = Long.MIN_VALUE;

    /**
     * 3.10-3.11 ({@code allocKey}'s graphs): codegen bound more than one label here, so CPython's list of blocks has
     * an empty block (the earlier label's) just before this one, which 3.10's second {@code clean_basic_block} takes
     * as the block falling into this one ({@code JumpPasses310}).
     */
    boolean emptyBlockBefore;

    /**
     * 3.10's {@code b_exit}: {@code normalize_basic_block} sets it on a block holding RETURN_VALUE, RAISE_VARARGS or
     * RERAISE, and a block that gets a copy of an exit block ({@code extend_block}, {@code optimize_basic_block}) or
     * is one ({@code compiler_copy_block}) has it too; nothing clears it. 3.10's {@code extend_block} and
     * {@code duplicate_exits_without_lineno} ask it, not the block's last instruction ({@link JumpPasses310}).
     */
    boolean exit310;

    /**
     * 3.10: {@link #exit310} as {@code normalize_basic_block} left it, before any block got a copy: what
     * {@code optimize_basic_block}'s copy of a jump's small exit target asks ({@link Peephole310}).
     */
    boolean exitAtNormalize310;

    CfgInstr get(int i) {
        return instrs[i];
    }

    /** {@code basicblock_last_instr}: the last instruction, or null if empty. */
    CfgInstr last() {
        return used > 0 ? instrs[used - 1] : null;
    }

    private static final CfgInstr[] NO_INSTRS = new CfgInstr[0];

    /** {@code basicblock_next_instr}: grows the array, returns the new slot's index. */
    private int nextSlot() {
        if (used == instrs.length) {
            CfgInstr[] grown = new CfgInstr[Math.max(16, instrs.length * 2)];
            System.arraycopy(instrs, 0, grown, 0, used);
            instrs = grown;
        }
        return used++;
    }

    /**
     * {@code basicblock_addop}. It does not set {@code i_except}: the slot keeps the handler of the
     * instruction that last used it (one removed since, or moved by {@code remove_redundant_nops}), none
     * in fresh (zeroed) memory. Slots past {@code used} therefore keep their old instructions here.
     */
    CfgInstr addOp(Op op, int oparg, Location loc) {
        CfgInstr i = new CfgInstr(op, oparg, loc);
        int k = nextSlot();
        if (instrs[k] != null) i.except = instrs[k].except;
        instrs[k] = i;
        return i;
    }

    /** {@code basicblock_add_jump}: false (CPython's error) if the block already ends with a jump. */
    boolean addJump(OpcodeFacts f, Op op, BasicBlock target, Location loc) {
        CfgInstr last = last();
        if (last != null && f.isJump(last.op)) return false;
        addOp(op, target.label, loc).target = target;
        return true;
    }

    /** {@code basicblock_append_instructions}: appends copies of {@code from}'s instructions. */
    void appendInstructions(BasicBlock from) {
        for (int i = 0; i < from.used; i++) {
            int k = nextSlot();
            instrs[k] = from.instrs[i].copy();
        }
    }

    /** {@code basicblock_insert_instruction}. */
    void insert(int pos, CfgInstr instr) {
        nextSlot();
        System.arraycopy(instrs, pos, instrs, pos + 1, used - 1 - pos);
        instrs[pos] = instr;
    }

    /** {@code basicblock_nofallthrough} ({@code BB_NO_FALLTHROUGH}). */
    boolean noFallthrough(OpcodeFacts f) {
        // one test of the last op's bits: small enough for C1 to inline (the passes ask it per block)
        return used > 0 && f.isScopeExitOrUnconditionalJump(instrs[used - 1].op);
    }

    /** {@code BB_HAS_FALLTHROUGH}: not {@link #noFallthrough}, written out (C1 does not inline a 34-byte call nested in another). */
    boolean hasFallthrough(OpcodeFacts f) {
        return used == 0 || !f.isScopeExitOrUnconditionalJump(instrs[used - 1].op);
    }

    /** {@code basicblock_exits_scope}. */
    boolean exitsScope(OpcodeFacts f) {
        CfgInstr last = last();
        return last != null && f.isScopeExit(last.op);
    }

    /** {@code basicblock_has_eval_break}. */
    boolean hasEvalBreak(OpcodeFacts f) {
        for (int i = 0; i < used; i++) {
            if (f.hasEvalBreak(instrs[i].op)) return true;
        }
        return false;
    }

    /** {@code basicblock_has_no_lineno}. */
    boolean hasNoLineno() {
        for (int i = 0; i < used; i++) {
            if (instrs[i].loc.lineno() >= 0) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("B" + label + (cold ? " cold" : "") + (exceptHandler ? " EH" : "") + ":\n");
        for (int i = 0; i < used; i++) sb.append("  ").append(instrs[i]).append('\n');
        return sb.toString();
    }
}
