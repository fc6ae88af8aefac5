package org.jpyc.instrseq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An instruction sequence with label ids ({@code _PyInstructionSequence}, Python/instruction_sequence.c):
 * what codegen writes and what the assembler reads. Labels are ints; {@link #useLabel} binds a label
 * to the index of the next instruction added. {@link #applyLabelMap} turns every jump's label oparg
 * into an instruction index ({@code _PyInstructionSequence_ApplyLabelMap}).
 */
public final class InstrSequence {
    public static final int NO_LABEL = -1;

    /** The instructions, in {@code instrs[0..size)} (an array: the passes index it per instruction). */
    private Instr[] instrs;
    private int size;
    private int nextFreeLabel;
    /** Label id to instruction index plus one; 0 for labels not used yet (so a grown map needs no filling). */
    private int[] labelMap;
    /**
     * {@code s_annotations_code} (3.14): the module's {@code __annotate__} setup, emitted after its body but
     * run first: {@code _PyCfg_FromInstructionSequence} puts it in place of the ANNOTATIONS_PLACEHOLDER
     * (and drops the placeholder when this is null). Holds no jumps.
     */
    public InstrSequence annotationsCode;
    /** Sequences of nested code units (kept for tests and debugging; CPython's {@code s_nested}). */
    private final List<InstrSequence> nested = new ArrayList<>();

    public InstrSequence() {
        this(32);
    }

    /** A sequence with room for {@code capacity} instructions before its list grows (e.g. a CFG's known count). */
    public InstrSequence(int capacity) {
        this(capacity, 16);
    }

    /** A sequence with room for {@code capacity} instructions and {@code labels} labels before either grows. */
    public InstrSequence(int capacity, int labels) {
        instrs = new Instr[Math.max(capacity, 1)];
        labelMap = new int[Math.max(labels, 1)];
    }

    public int newLabel() {
        return nextFreeLabel++;
    }

    /** Binds {@code label} to the position of the next instruction ({@code _PyInstructionSequence_UseLabel}). */
    public void useLabel(int label) {
        if (label >= labelMap.length) labelMap = Arrays.copyOf(labelMap, Math.max(label + 1, labelMap.length * 2));
        labelMap[label] = size + 1;
    }

    /** Appends an instruction and returns it ({@code _PyInstructionSequence_Addop}). */
    public Instr addOp(Op op, int oparg, Location loc) {
        Instr i = new Instr(op, oparg, loc);
        if (size == instrs.length) grow();
        instrs[size++] = i;
        return i;
    }

    /**
     * Appends {@code i} itself ({@code _PyCfg_ToInstructionSequence} hands over the optimizer's instructions,
     * which extend {@link Instr}, instead of copying each).
     */
    public void append(Instr i) {
        if (size == instrs.length) grow();
        instrs[size++] = i;
    }

    /** Inserts at {@code pos}, shifting labels bound after it ({@code _PyInstructionSequence_InsertInstruction}). */
    public Instr insert(int pos, Op op, int oparg, Location loc) {
        if (pos < 0 || pos > size) throw new IndexOutOfBoundsException("insert at " + pos + " of " + size);
        Instr i = new Instr(op, oparg, loc);
        if (size == instrs.length) grow();
        System.arraycopy(instrs, pos, instrs, pos + 1, size - pos);
        instrs[pos] = i;
        size++;
        for (int l = 0; l < labelMap.length; l++) {
            if (labelMap[l] > pos) labelMap[l]++; // bound at an index >= pos
        }
        return i;
    }

    /** The instruction index a label is bound to, or -1. */
    public int labelTarget(int label) {
        return label >= 0 && label < labelMap.length ? labelMap[label] - 1 : -1;
    }

    public int labelCount() {
        return nextFreeLabel;
    }

    /** Whether {@link #applyLabelMap} has run (CPython clears {@code s_labelmap} then; applying again does nothing). */
    private boolean labelsApplied;

    /** Replaces each jump's and exception handler's label by the instruction index (CPython's ApplyLabelMap). */
    public void applyLabelMap(OpTable table) {
        if (labelsApplied) return;
        labelsApplied = true;
        for (int k = 0; k < size; k++) {
            Instr i = instrs[k];
            if (table.hasTarget(i.op)) i.oparg = labelTarget(i.oparg);
            if (i.handlerLabel >= 0) i.handlerLabel = labelTarget(i.handlerLabel);
        }
    }

    /**
     * Records that the instructions' jump opargs and handler labels are instruction indices already (their
     * maker resolved them as it laid the instructions out), so {@link #applyLabelMap} has nothing to do.
     */
    public void markLabelsApplied() {
        labelsApplied = true;
    }

    /** Whether the labels were applied ({@code s_labelmap == NULL} after {@code _PyInstructionSequence_ApplyLabelMap}). */
    public boolean labelsApplied() {
        return labelsApplied;
    }

    /** The instructions, as an unmodifiable list view. */
    public List<Instr> instrs() {
        return Collections.unmodifiableList(Arrays.asList(instrs).subList(0, size));
    }

    /**
     * The instructions as an array of exactly {@link #size()} elements: the sequence's own array when it
     * is full (a sequence made with its final capacity), else a copy. Changing its elements' fields changes the sequence's.
     */
    public Instr[] toArray() {
        if (size == instrs.length) return instrs;
        Instr[] a = new Instr[size];
        System.arraycopy(instrs, 0, a, 0, size);
        return a;
    }

    /** Doubles the array (new and arraycopy: {@code Arrays.copyOf} of a typed array is reflective, a native call under C1). */
    private void grow() {
        Instr[] a = new Instr[instrs.length * 2];
        System.arraycopy(instrs, 0, a, 0, size);
        instrs = a;
    }

    public int size() {
        return size;
    }

    public Instr get(int i) {
        if (i >= size) throw new IndexOutOfBoundsException("instruction " + i + " of " + size);
        return instrs[i];
    }

    public void addNested(InstrSequence s) {
        nested.add(s);
    }

    public List<InstrSequence> nested() {
        return nested;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < size; k++) {
            for (int l = 0; l < labelMap.length; l++) if (labelMap[l] == k + 1) sb.append("L").append(l).append(":\n");
            sb.append("  ").append(instrs[k]).append('\n');
        }
        return sb.toString();
    }
}
