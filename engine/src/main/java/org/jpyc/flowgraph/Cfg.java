package org.jpyc.flowgraph;

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
     *
     * <p>The blocks are the ones {@code _PyCfgBuilder_UseLabel}/{@code _PyCfgBuilder_Addop} would make
     * instruction by instruction; as the runs between block starts are known from the first scan, each
     * block is made at once with an array of its run's size. A 3.14 module with an
     * {@code ANNOTATIONS_PLACEHOLDER} goes through the builder (the annotations' code replaces it).
     */
    static Cfg fromSequence(OpcodeFacts facts, InstrSequence seq) {
        int n = seq.size();
        int[] opargs = new int[n];
        byte[] starts = new byte[n]; // TARGET and/or AFTER_TERMINATOR: where a block begins
        boolean placeholder = false, exceptionOps = false;
        boolean applied = seq.labelsApplied();
        for (int i = 0; i < n; i++) {
            Op op = seq.opAt(i);
            int arg = seq.opargAt(i);
            if (facts.hasTarget(op)) {
                int t = applied ? arg : seq.labelTarget(arg);
                if (t < 0 || t >= n) throw new IllegalStateException("jump to unbound label " + arg + " at " + i);
                opargs[i] = t;
                starts[t] |= TARGET;
                if (facts.isBlockPush(op)) exceptionOps = true;
            } else {
                opargs[i] = arg;
                if (op == Op.ANNOTATIONS_PLACEHOLDER) placeholder = true;
                else if (op == Op.POP_BLOCK) exceptionOps = true;
            }
            if ((facts.isTerminator(op) || (facts.blockAfterEveryJump && facts.isJump(op))) && i + 1 < n) {
                starts[i + 1] |= AFTER_TERMINATOR; // 3.11: after every jump
            }
        }
        int[] labelAt = null, allocLabelAt = null;
        if (facts.blockAtEveryLabel && !applied) {
            // 3.12's instr_sequence_to_cfg: a block at every label codegen bound, jumped to or not, labelled with
            // the last (largest) label id bound there (offset2lbl), which is also the oparg of a jump to it
            labelAt = new int[n];
            java.util.Arrays.fill(labelAt, BasicBlock.NO_LABEL);
            // 3.11: the block holding the instructions is that of the label bound last there (allocKey)
            if (facts.blockAfterEveryJump) {
                allocLabelAt = new int[n];
                java.util.Arrays.fill(allocLabelAt, BasicBlock.NO_LABEL);
            }
            for (int l = 0; l < seq.labelCount(); l++) {
                int t = seq.labelTarget(l);
                if (t >= 0 && t < n) {
                    starts[t] |= TARGET;
                    labelAt[t] = l;
                    if (allocLabelAt != null) {
                        if (allocLabelAt[t] != BasicBlock.NO_LABEL) starts[t] |= LABELS;
                        if (allocLabelAt[t] == BasicBlock.NO_LABEL || seq.labelBoundRank(l) > seq.labelBoundRank(allocLabelAt[t])) {
                            allocLabelAt[t] = l;
                        }
                    }
                }
            }
        }
        Cfg g = placeholder ? buildWithPlaceholder(facts, seq, opargs, starts) : buildRuns(facts, seq, opargs, starts, labelAt, allocLabelAt);
        g.exceptionOps = exceptionOps || placeholder;
        return g;
    }

    /** {@link #fromSequence}'s marks of instruction indices: a jump target, the instruction after a terminator. */
    private static final byte TARGET = 1, AFTER_TERMINATOR = 2, LABELS = 4; // LABELS: more than one label bound there

    /**
     * Whether the graph has (or had) a block push or POP_BLOCK: without one, no instruction has a handler,
     * nothing is an exception handler, and only a block's last instruction has a target (a jump, which
     * {@code check_cfg} puts at the end of its block and every pass keeps there). No pass adds either op.
     */
    boolean exceptionOps = true;

    /**
     * Whether every jump's and block push's {@code target} is set and every block push's target is marked
     * an exception handler: {@link #buildRuns} does it as it makes the instructions, which leaves nothing to
     * {@code translate_jump_labels_to_targets} and {@code mark_except_handlers}, the first passes on the graph.
     */
    boolean targetsTranslated;

    /**
     * The blocks of {@link #fromSequence}: a block starts at each jump target (whose index is its label)
     * and after each terminator, which is where the builder's {@code cfg_builder_maybe_start_new_block}
     * starts one when every block it closes holds instructions. Each jump's target block is known here (the
     * block that starts at its target index, made when first asked for), so the targets are set at once.
     */
    private static Cfg buildRuns(OpcodeFacts facts, InstrSequence seq, int[] opargs, byte[] starts, int[] labelAt,
            int[] allocLabelAt) {
        int n = seq.size();
        Cfg g = new Cfg(facts);
        BasicBlock[] blockAt = new BasicBlock[Math.max(n, 1)]; // the block starting at a jump target
        BasicBlock b = g.entry;
        blockAt[0] = b;
        for (int i = 0, end; i < n; i = end) {
            end = i + 1;
            while (end < n && starts[end] == 0) end++;
            if (i > 0) {
                BasicBlock nb = blockAt[i];
                if (nb == null) blockAt[i] = nb = g.newBlock(); // a later (backward) jump may go here
                b.next = nb;
                b = nb;
            }
            if ((starts[i] & TARGET) != 0) b.label = labelAt != null ? labelAt[i] : i;
            if (allocLabelAt != null && i > 0) {
                // 3.11: a labelled block was allocated when codegen made its label (compiler_new_block); one after a
                // jump when the next instruction was added (compiler_use_new_implicit_block_if_needed), after every
                // label made before that instruction
                int lbl = (starts[i] & TARGET) != 0 ? allocLabelAt[i] : BasicBlock.NO_LABEL;
                int born = lbl != BasicBlock.NO_LABEL ? seq.labelBornAt(lbl) : -1;
                b.allocKey = born >= 0 ? ((long) (2 * born) << 32) | lbl : ((long) (2 * i + 1) << 32);
                b.emptyBlockBefore = (starts[i] & LABELS) != 0;
            }
            CfgInstr[] instrs = new CfgInstr[end - i];
            for (int k = i; k < end; k++) {
                Op op = seq.opAt(k);
                Location loc = seq.locAt(k);
                CfgInstr in = new CfgInstr(op, opargs[k], loc == null ? Location.NO_LOCATION : loc);
                if (facts.hasTarget(op)) {
                    BasicBlock t = blockAt[opargs[k]];
                    if (t == null) blockAt[opargs[k]] = t = g.newBlock();
                    in.target = t;
                    if (labelAt != null) in.oparg = labelAt[opargs[k]]; // 3.12: the target's label id
                    if (facts.isBlockPush(op)) t.exceptHandler = true;
                }
                instrs[k - i] = in;
            }
            b.instrs = instrs;
            b.used = end - i;
        }
        g.current = b;
        g.targetsTranslated = true;
        return g;
    }

    /** {@link #fromSequence} through the builder, for a sequence with an {@code ANNOTATIONS_PLACEHOLDER} (3.14). */
    private static Cfg buildWithPlaceholder(OpcodeFacts facts, InstrSequence seq, int[] opargs, byte[] starts) {
        int n = seq.size();
        Cfg g = new Cfg(facts);
        for (int i = 0; i < n; i++) {
            Op op = seq.opAt(i);
            if ((starts[i] & TARGET) != 0) g.useLabel(i);
            if (op == Op.ANNOTATIONS_PLACEHOLDER) {
                // 3.14: the deferred annotations' code goes here (it has no jumps); without any, nothing
                InstrSequence a = seq.annotationsCode;
                if (a != null) {
                    for (int k = 0; k < a.size(); k++) {
                        Location loc = a.locAt(k);
                        g.addOp(a.opAt(k), a.opargAt(k), loc == null ? Location.NO_LOCATION : loc);
                    }
                }
                continue;
            }
            Location loc = seq.locAt(i);
            g.addOp(op, opargs[i], loc == null ? Location.NO_LOCATION : loc);
        }
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
        current.addOp(op, oparg, loc);
    }

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
        if (targetsTranslated) return; // buildRuns ended a block after each terminator, and no pass since moved one
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
        if (targetsTranslated) return; // buildRuns set them
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
