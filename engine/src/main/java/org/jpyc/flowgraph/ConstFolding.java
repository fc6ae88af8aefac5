package org.jpyc.flowgraph;

import java.util.List;
import java.util.function.UnaryOperator;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyComplex;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyFloat;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;

/**
 * The constant passes of Python/flowgraph.c: {@code optimize_load_const}, tuple folding, adding a
 * folded constant ({@code add_const}) and {@code remove_unused_consts}. {@code consts} is the unit's
 * constant list (CPython's {@code consts} PyList); {@code mergeOne} is
 * {@code _PyCompile_ConstCacheMergeOne} on the module's cache. 3.14's folding is {@link ConstFolding314}.
 */
class ConstFolding {
    protected final OpcodeFacts facts;
    protected final List<PyObject> consts;
    protected final UnaryOperator<PyObject> mergeOne;

    ConstFolding(OpcodeFacts facts, List<PyObject> consts, UnaryOperator<PyObject> mergeOne) {
        this.facts = facts;
        this.consts = consts;
        this.mergeOne = mergeOne;
    }

    /** {@code get_const_value}: the constant a LOAD_CONST loads. */
    PyObject getConstValue(Op op, int oparg) {
        if (op != Op.LOAD_CONST || oparg < 0 || oparg >= consts.size()) {
            throw new IllegalStateException("SystemError: Internal error: failed to get value of a constant");
        }
        return consts.get(oparg);
    }

    /** {@code add_const}: merges {@code newconst} through the cache, then finds it by identity in the list or appends it. */
    int addConst(PyObject newconst) {
        PyObject c = mergeOne.apply(newconst);
        int index;
        for (index = 0; index < consts.size(); index++) {
            if (consts.get(index) == c) break;
        }
        if (index == consts.size()) {
            if (index >= Integer.MAX_VALUE - 1) throw new IllegalStateException("OverflowError: too many constants");
            consts.add(c);
        }
        return index;
    }

    /** {@code PyObject_IsTrue} on a constant. */
    static boolean isTrue(PyObject o) {
        if (o instanceof PyConst c) {
            return switch (c.kind()) {
                case NONE, FALSE, NULL -> false;
                default -> true;
            };
        }
        if (o instanceof PyInt i) return i.signum() != 0;
        if (o instanceof PyFloat d) return d.value() != 0.0;
        if (o instanceof PyComplex z) return z.real() != 0.0 || z.imag() != 0.0;
        if (o instanceof PyStr s) return s.raw().length > 0;
        if (o instanceof PyBytes b) return b.value().length > 0;
        if (o instanceof PyTuple t) return t.size() > 0;
        if (o instanceof PySet s) return !s.items().isEmpty();
        return true;
    }

    /**
     * {@code fold_tuple_on_constants}: {@code n} constant loads at {@code start} followed by
     * BUILD_TUPLE n become NOPs and one LOAD_CONST of the tuple.
     */
    void foldTupleOnConstants(BasicBlock bb, int start, int n) {
        foldTupleOnConstants(bb, start, n, false);
    }

    /** {@link #foldTupleOnConstants}; {@code keepOpargs}: the NOPs keep their loads' opargs (3.10 sets only the opcode,
     *  and its assembler writes every oparg). */
    void foldTupleOnConstants(BasicBlock bb, int start, int n, boolean keepOpargs) {
        for (int i = 0; i < n; i++) {
            if (!facts.hasConst(bb.instrs[start + i].op)) return;
        }
        PyObject[] items = new PyObject[n];
        for (int i = 0; i < n; i++) {
            CfgInstr in = bb.instrs[start + i];
            items[i] = getConstValue(in.op, in.oparg);
        }
        int index = addConst(PyTuple.ofFresh(items));
        for (int i = 0; i < n; i++) {
            if (keepOpargs) bb.instrs[start + i].op = Op.NOP;
            else bb.instrs[start + i].setOp0(Op.NOP);
        }
        bb.instrs[start + n].setOp1(Op.LOAD_CONST, index);
    }

    /** {@code basicblock_optimize_load_const}. */
    void basicblockOptimizeLoadConst(BasicBlock bb) {
        Op opcode = null;
        int oparg = 0;
        for (int i = 0; i < bb.used; i++) {
            CfgInstr inst = bb.instrs[i];
            boolean isCopyOfLoadConst = opcode == Op.LOAD_CONST && inst.op == Op.COPY && inst.oparg == 1;
            if (!isCopyOfLoadConst) {
                opcode = inst.op;
                oparg = inst.oparg;
            }
            if (opcode != Op.LOAD_CONST) continue;
            Op nextop = i + 1 < bb.used ? bb.instrs[i + 1].op : null;
            if (nextop == null) continue;
            switch (nextop) {
                case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE -> {
                    boolean isTrue = isTrue(getConstValue(opcode, oparg));
                    inst.setOp0(Op.NOP);
                    boolean jumpIfTrue = nextop == Op.POP_JUMP_IF_TRUE;
                    if (isTrue == jumpIfTrue) bb.instrs[i + 1].op = Op.JUMP;
                    else bb.instrs[i + 1].setOp0(Op.NOP);
                }
                case IS_OP -> {
                    PyObject cnt = getConstValue(opcode, oparg);
                    if (cnt != PyConst.NONE) break;
                    if (bb.used <= i + 2) break;
                    CfgInstr isInstr = bb.instrs[i + 1];
                    CfgInstr jumpInstr = bb.instrs[i + 2];
                    if (jumpInstr.op == Op.TO_BOOL) {
                        jumpInstr.setOp0(Op.NOP);
                        if (bb.used <= i + 3) break;
                        jumpInstr = bb.instrs[i + 3];
                    }
                    boolean invert = isInstr.oparg != 0;
                    if (jumpInstr.op == Op.POP_JUMP_IF_FALSE) invert = !invert;
                    else if (jumpInstr.op != Op.POP_JUMP_IF_TRUE) break;
                    inst.setOp0(Op.NOP);
                    isInstr.setOp0(Op.NOP);
                    jumpInstr.op = invert ? Op.POP_JUMP_IF_NOT_NONE : Op.POP_JUMP_IF_NONE;
                }
                case RETURN_VALUE -> {
                    inst.setOp0(Op.NOP);
                    bb.instrs[++i].setOp1(Op.RETURN_CONST, oparg);
                }
                case TO_BOOL -> {
                    boolean isTrue = isTrue(getConstValue(opcode, oparg));
                    int index = addConst(PyConst.bool(isTrue));
                    inst.setOp0(Op.NOP);
                    bb.instrs[i + 1].setOp1(Op.LOAD_CONST, index);
                }
                default -> { }
            }
        }
    }

    /** {@code optimize_load_const}. */
    void optimizeLoadConst(Cfg g) {
        for (BasicBlock b = g.entry; b != null; b = b.next) basicblockOptimizeLoadConst(b);
    }

    /** {@code remove_unused_consts}: drops constants no instruction loads (index 0, a possible docstring, stays) and renumbers. */
    void removeUnusedConsts(Cfg g) {
        int nconsts = consts.size();
        if (nconsts == 0) return;
        int[] indexMap = new int[nconsts];
        for (int i = 1; i < nconsts; i++) indexMap[i] = -1;
        indexMap[0] = 0;
        // the walk ends as soon as every constant is found loaded (the common case): then nothing changes
        int unseen = nconsts - 1;
        if (unseen == 0) return;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            for (int i = 0; i < b.used; i++) {
                if (facts.hasConst(b.instrs[i].op)) {
                    int index = b.instrs[i].oparg;
                    if (indexMap[index] == -1) {
                        indexMap[index] = index;
                        if (--unseen == 0) return;
                    }
                }
            }
        }
        int nUsed = 0;
        for (int i = 0; i < nconsts; i++) {
            if (indexMap[i] != -1) indexMap[nUsed++] = indexMap[i];
        }
        if (nUsed == nconsts) return;
        for (int i = 0; i < nUsed; i++) {
            int old = indexMap[i];
            if (i != old) consts.set(i, consts.get(old));
        }
        consts.subList(nUsed, nconsts).clear();
        int[] reverse = new int[nconsts];
        java.util.Arrays.fill(reverse, -1);
        for (int i = 0; i < nUsed; i++) reverse[indexMap[i]] = i;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.instrs[i];
                if (facts.hasConst(in.op)) in.oparg = reverse[in.oparg];
            }
        }
    }
}
