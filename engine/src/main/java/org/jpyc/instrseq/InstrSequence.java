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

    /**
     * The instructions, in one of two forms. As codegen writes them ({@link #addOp}, {@link #insert}), they
     * are the parallel arrays {@code ops}, {@code opargs}, {@code locs}: no object per instruction, as the
     * CFG builder makes its own from them ({@link #opAt}, {@link #opargAt}, {@link #locAt}). Once an
     * instruction object is asked for ({@link #get}, {@link #instrs}, {@link #toArray}) or handed in
     * ({@link #append}), the sequence holds {@code objs[0..size)} instead, made once from the arrays, so a
     * change to a returned instruction's fields is a change to the sequence.
     */
    private Op[] ops;
    private int[] opargs;
    private Location[] locs;
    /** The instruction objects; empty while the sequence is the parallel arrays ({@code ops != null}). */
    private Instr[] objs = NO_OBJS;

    private static final Instr[] NO_OBJS = new Instr[0];
    private int size;
    private int nextFreeLabel;
    /** Label id to instruction index plus one; 0 for labels not used yet (so a grown map needs no filling). */
    private int[] labelMap;
    /** Label id to the size of the sequence when the label was made ({@link #labelBornAt}). */
    private int[] labelBorn = new int[16];
    /** Label id to its place in the order in which labels were bound, from 1; 0 for labels not bound yet. */
    private int[] labelBound = new int[16];
    private int labelsBound;
    /**
     * {@code s_annotations_code} (3.14): the module's {@code __annotate__} setup, emitted after its body but
     * run first: {@code _PyCfg_FromInstructionSequence} puts it in place of the ANNOTATIONS_PLACEHOLDER
     * (and drops the placeholder when this is null). Holds no jumps.
     */
    public InstrSequence annotationsCode;
    /** Sequences of nested code units (kept for tests and debugging; CPython's {@code s_nested}); made when first added to. */
    private List<InstrSequence> nested;

    /** A sequence for codegen: room for 64 instructions before its arrays grow (zeroing more showed in a profile). */
    public InstrSequence() {
        this(64);
    }

    /** A sequence with room for {@code capacity} instructions before its list grows (e.g. a CFG's known count). */
    public InstrSequence(int capacity) {
        this(capacity, 16);
    }

    /**
     * A sequence with room for {@code capacity} instructions and {@code labels} labels before either grows.
     * Its room is the parallel arrays', for {@link #addOp}; see {@link #ofObjects} for one filled by {@link #append}.
     */
    public InstrSequence(int capacity, int labels) {
        int c = Math.max(capacity, 1);
        ops = new Op[c];
        opargs = new int[c];
        locs = new Location[c];
        labelMap = new int[Math.max(labels, 1)];
    }

    private InstrSequence(Instr[] objs, int labels) {
        this.objs = objs;
        labelMap = new int[Math.max(labels, 1)];
    }

    /**
     * An empty sequence of instruction objects with room for {@code capacity} of them and {@code labels}
     * labels, to be filled by {@link #append} ({@code _PyCfg_ToInstructionSequence} gives its exact size).
     */
    public static InstrSequence ofObjects(int capacity, int labels) {
        return new InstrSequence(new Instr[Math.max(capacity, 1)], labels);
    }

    public int newLabel() {
        if (nextFreeLabel == labelBorn.length) {
            labelBorn = Arrays.copyOf(labelBorn, labelBorn.length * 2);
            labelBound = Arrays.copyOf(labelBound, labelBorn.length);
        }
        labelBorn[nextFreeLabel] = size;
        return nextFreeLabel++;
    }

    /**
     * How many instructions the sequence held when {@code label} was made: when 3.11's codegen would have allocated
     * the label's block ({@code compiler_new_block}), which decides the order of its {@code b_list}; -1 if unknown.
     */
    public int labelBornAt(int label) {
        return label >= 0 && label < nextFreeLabel ? labelBorn[label] : -1;
    }

    /**
     * When {@code label} was bound, as a rank among the labels bound so far (from 1; 0 if not bound or unknown). Of the
     * labels bound at one place, 3.11's codegen put the instructions in the block of the last one
     * ({@code compiler_use_next_block}), the earlier ones staying empty blocks.
     */
    public int labelBoundRank(int label) {
        return label >= 0 && label < nextFreeLabel ? labelBound[label] : 0;
    }

    /** Binds {@code label} to the position of the next instruction ({@code _PyInstructionSequence_UseLabel}). */
    public void useLabel(int label) {
        if (label >= labelMap.length) labelMap = Arrays.copyOf(labelMap, Math.max(label + 1, labelMap.length * 2));
        labelMap[label] = size + 1;
        if (label < nextFreeLabel) labelBound[label] = ++labelsBound;
    }

    /** Appends an instruction ({@code _PyInstructionSequence_Addop}); {@link #get} gives it as an object. */
    public void addOp(Op op, int oparg, Location loc) {
        if (ops == null) {
            append(new Instr(op, oparg, loc));
            return;
        }
        if (size == ops.length) growArrays();
        ops[size] = op;
        opargs[size] = oparg;
        locs[size++] = loc;
    }

    /**
     * Appends {@code i} itself ({@code _PyCfg_ToInstructionSequence} hands over the optimizer's instructions,
     * which extend {@link Instr}, instead of copying each).
     */
    public void append(Instr i) {
        Instr[] a = objs;
        if (size >= a.length) a = roomForObject(); // the parallel arrays' objs is empty: always here
        a[size++] = i;
    }

    /** The object array with room for one more instruction (made from the parallel arrays, or grown). */
    private Instr[] roomForObject() {
        if (ops != null) materialize();
        if (size == objs.length) grow();
        return objs;
    }

    /** Inserts at {@code pos}, shifting labels bound after it ({@code _PyInstructionSequence_InsertInstruction}). */
    public void insert(int pos, Op op, int oparg, Location loc) {
        if (pos < 0 || pos > size) throw new IndexOutOfBoundsException("insert at " + pos + " of " + size);
        if (ops == null) {
            if (size == objs.length) grow();
            System.arraycopy(objs, pos, objs, pos + 1, size - pos);
            objs[pos] = new Instr(op, oparg, loc);
        } else {
            if (size == ops.length) growArrays();
            System.arraycopy(ops, pos, ops, pos + 1, size - pos);
            System.arraycopy(opargs, pos, opargs, pos + 1, size - pos);
            System.arraycopy(locs, pos, locs, pos + 1, size - pos);
            ops[pos] = op;
            opargs[pos] = oparg;
            locs[pos] = loc;
        }
        size++;
        for (int l = 0; l < labelMap.length; l++) {
            if (labelMap[l] > pos) labelMap[l]++; // bound at an index >= pos
        }
    }

    /** Whether some label is bound to the position of the next instruction (a block would start there). */
    public boolean labelBoundAtEnd() {
        int end = size + 1;
        for (int v : labelMap) if (v == end) return true;
        return false;
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
        if (ops != null) { // no handler labels: only instruction objects get them
            for (int k = 0; k < size; k++) {
                if (table.hasTarget(ops[k])) opargs[k] = labelTarget(opargs[k]);
            }
            return;
        }
        for (int k = 0; k < size; k++) {
            Instr i = objs[k];
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
        if (ops != null) materialize();
        return Collections.unmodifiableList(Arrays.asList(objs).subList(0, size));
    }

    /**
     * The instructions as an array of exactly {@link #size()} elements: the sequence's own array when it
     * is full (a sequence made with its final capacity), else a copy. Changing its elements' fields changes the sequence's.
     */
    public Instr[] toArray() {
        if (ops != null) materialize();
        if (size == objs.length) return objs;
        Instr[] a = new Instr[size];
        System.arraycopy(objs, 0, a, 0, size);
        return a;
    }

    /** Turns the parallel arrays into instruction objects, which the sequence holds from then on. */
    private void materialize() {
        Instr[] a = new Instr[Math.max(ops.length, 1)];
        for (int k = 0; k < size; k++) a[k] = new Instr(ops[k], opargs[k], locs[k]);
        objs = a;
        ops = null;
        opargs = null;
        locs = null;
    }

    /** Doubles the object array (new and arraycopy: {@code Arrays.copyOf} of a typed array is reflective, a native call under C1). */
    private void grow() {
        Instr[] a = new Instr[objs.length * 2];
        System.arraycopy(objs, 0, a, 0, size);
        objs = a;
    }

    /** Doubles the parallel arrays. */
    private void growArrays() {
        int c = ops.length * 2;
        Op[] o = new Op[c];
        System.arraycopy(ops, 0, o, 0, size);
        ops = o;
        opargs = Arrays.copyOf(opargs, c);
        Location[] l = new Location[c];
        System.arraycopy(locs, 0, l, 0, size);
        locs = l;
    }

    public int size() {
        return size;
    }

    public Instr get(int i) {
        if (i >= size) throw new IndexOutOfBoundsException("instruction " + i + " of " + size);
        if (ops != null) materialize();
        return objs[i];
    }

    /** Instruction {@code i}'s op ({@code i < size()}, unchecked: small enough for C1 to inline), without making an instruction object. */
    public Op opAt(int i) {
        return ops != null ? ops[i] : objs[i].op;
    }

    /** Instruction {@code i}'s oparg (a label id for a jump until the labels are applied). */
    public int opargAt(int i) {
        return ops != null ? opargs[i] : objs[i].oparg;
    }

    /** Instruction {@code i}'s location (as given: may be null). */
    public Location locAt(int i) {
        return ops != null ? locs[i] : objs[i].loc;
    }

    public void addNested(InstrSequence s) {
        if (nested == null) nested = new ArrayList<>();
        nested.add(s);
    }

    public List<InstrSequence> nested() {
        return nested != null ? nested : Collections.emptyList();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < size; k++) {
            for (int l = 0; l < labelMap.length; l++) if (labelMap[l] == k + 1) sb.append("L").append(l).append(":\n");
            sb.append("  ").append(ops != null ? new Instr(ops[k], opargs[k], locs[k]) : objs[k]).append('\n');
        }
        return sb.toString();
    }
}
