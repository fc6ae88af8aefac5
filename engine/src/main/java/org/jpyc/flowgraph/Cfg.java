package org.jpyc.flowgraph;

import org.jpyc.instrseq.Instr;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;

/**
 * A control flow graph under construction or optimization ({@code cfg_builder}, Python/flowgraph.c):
 * the entry block, whose {@code next} chain reaches every block in layout order, and the builder
 * state of {@code _PyCfgBuilder_UseLabel}/{@code _PyCfgBuilder_Addop}.
 */
final class Cfg {
    final OpcodeFacts facts;
    BasicBlock entry;
    private BasicBlock current;
    private int currentLabel = BasicBlock.NO_LABEL;

    /** {@code _PyCfgBuilder_New} / {@code init_cfg_builder}. */
    Cfg(OpcodeFacts facts) {
        this.facts = facts;
        entry = current = newBlock();
    }

    /** {@code cfg_builder_new_block} (CPython's {@code g_block_list} only serves to free blocks). */
    BasicBlock newBlock() {
        return new BasicBlock();
    }

    /**
     * {@code instr_sequence_to_cfg} (Python/compile.c): one block per run of instructions, a new block at
     * every jump target (labelled with the target's instruction index) and after every terminator. Jump
     * opargs of {@code seq} are label ids of {@code seq} (or instruction indices if its labels were
     * applied); here they become instruction indices, as {@code _PyInstructionSequence_ApplyLabelMap}
     * makes them (the sequence itself is not changed).
     */
    static Cfg fromSequence(OpcodeFacts facts, InstrSequence seq) {
        int n = seq.size();
        int[] targetIndex = new int[n];
        boolean[] isTarget = new boolean[n];
        for (int i = 0; i < n; i++) {
            Instr in = seq.get(i);
            if (facts.hasTarget(in.op)) {
                int t = seq.labelsApplied() ? in.oparg : seq.labelTarget(in.oparg);
                if (t < 0 || t >= n) throw new IllegalStateException("jump to unbound label " + in.oparg + " at " + i);
                targetIndex[i] = t;
                isTarget[t] = true;
            }
        }
        Cfg g = new Cfg(facts);
        int runEnd = 0;
        for (int i = 0; i < n; i++) {
            Instr in = seq.get(i);
            if (isTarget[i]) g.useLabel(i);
            if (i >= runEnd) {
                // the instructions up to the next jump target or after the next terminator go in one block:
                // its array is made that size (a block's array otherwise starts at 16 slots)
                runEnd = i + 1;
                while (runEnd < n && !isTarget[runEnd] && !facts.isTerminator(seq.get(runEnd - 1).op)) runEnd++;
                g.sizeHint = runEnd - i;
            }
            if (in.op == Op.ANNOTATIONS_PLACEHOLDER) {
                // 3.14: the deferred annotations' code goes here (it has no jumps); without any, nothing
                if (seq.annotationsCode != null) {
                    for (Instr a : seq.annotationsCode.instrs()) {
                        g.addOp(a.op, a.oparg, a.loc == null ? Location.NO_LOCATION : a.loc);
                    }
                }
                continue;
            }
            g.addOp(in.op, facts.hasTarget(in.op) ? targetIndex[i] : in.oparg, in.loc == null ? Location.NO_LOCATION : in.loc);
        }
        g.sizeHint = 0;
        return g;
    }

    /** {@code cfg_builder_current_block_is_terminated}. */
    private boolean currentBlockIsTerminated() {
        CfgInstr last = current.last();
        if (last != null && facts.isTerminator(last.op)) return true;
        if (currentLabel != BasicBlock.NO_LABEL) {
            if (last != null || current.label != BasicBlock.NO_LABEL) return true;
            current.label = currentLabel;
            currentLabel = BasicBlock.NO_LABEL;
        }
        return false;
    }

    /** {@code cfg_builder_maybe_start_new_block}. */
    private void maybeStartNewBlock() {
        if (currentBlockIsTerminated()) {
            BasicBlock b = newBlock();
            b.label = currentLabel;
            currentLabel = BasicBlock.NO_LABEL;
            current.next = b;
            current = b;
        }
    }

    /** {@code _PyCfgBuilder_UseLabel}. */
    void useLabel(int label) {
        currentLabel = label;
        maybeStartNewBlock();
    }

    /** {@code _PyCfgBuilder_Addop}. */
    void addOp(Op op, int oparg, Location loc) {
        maybeStartNewBlock();
        if (current.used == 0 && sizeHint > 0) current.reserve(sizeHint);
        current.addOp(op, oparg, loc);
    }

    /** How many instructions {@link #fromSequence} expects the block it is filling to get (0: unknown). */
    private int sizeHint;

    /** {@code make_cfg_traversal_stack}: clears {@code visited} on every block (the stack is the caller's). */
    void resetVisited() {
        for (BasicBlock b = entry; b != null; b = b.next) b.visited = false;
    }

    /** {@code get_max_label}. */
    int maxLabel() {
        int lbl = -1;
        for (BasicBlock b = entry; b != null; b = b.next) lbl = Math.max(lbl, b.label);
        return lbl;
    }

    /** {@code next_nonempty_block}. */
    static BasicBlock nextNonemptyBlock(BasicBlock b) {
        while (b != null && b.used == 0) b = b.next;
        return b;
    }

    /** {@code check_cfg}: a jump or scope exit must end its block. */
    void checkCfg() {
        for (BasicBlock b = entry; b != null; b = b.next) {
            for (int i = 0; i < b.used; i++) {
                if (facts.isTerminator(b.get(i).op) && i != b.used - 1) {
                    throw new IllegalStateException("SystemError: malformed control flow graph.");
                }
            }
        }
    }

    /** {@code translate_jump_labels_to_targets}: sets each jump's and block push's target block. */
    void translateJumpLabelsToTargets() {
        int max = maxLabel();
        BasicBlock[] byLabel = new BasicBlock[max + 1];
        for (BasicBlock b = entry; b != null; b = b.next) {
            if (b.label >= 0) byLabel[b.label] = b;
        }
        for (BasicBlock b = entry; b != null; b = b.next) {
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.get(i);
                if (facts.hasTarget(in.op)) {
                    BasicBlock t = in.oparg >= 0 && in.oparg <= max ? byLabel[in.oparg] : null;
                    if (t == null) throw new IllegalStateException("jump to unknown label " + in.oparg);
                    in.target = t;
                }
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (BasicBlock b = entry; b != null; b = b.next) sb.append(b);
        return sb.toString();
    }
}
