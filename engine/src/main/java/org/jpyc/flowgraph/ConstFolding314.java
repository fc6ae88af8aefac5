package org.jpyc.flowgraph;

import java.util.List;
import java.util.function.UnaryOperator;
import org.jpyc.ast.OperatorNode;
import org.jpyc.ast.UnaryopNode;
import org.jpyc.astopt.ConstEval;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyTuple;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The constant passes of Python/flowgraph.c 3.14, where constant folding moved from the AST into the
 * CFG: {@code loads_const}, {@code get_const_value} (LOAD_SMALL_INT), {@code maybe_instr_make_load_smallint},
 * {@code instr_make_load_const}, {@code basicblock_optimize_load_const}, {@code fold_tuple_of_constants},
 * {@code fold_constant_intrinsic_list_to_tuple}, {@code optimize_lists_and_sets}, {@code fold_const_binop}
 * and {@code fold_const_unaryop}. The operations themselves are astopt's ({@link ConstEval}).
 */
final class ConstFolding314 extends ConstFolding {
    /** {@code _PY_STACK_USE_GUIDELINE}. */
    static final int STACK_USE_GUIDELINE = 30;
    /** {@code MIN_CONST_SEQUENCE_SIZE}. */
    static final int MIN_CONST_SEQUENCE_SIZE = 3;

    private final PyVersion version;
    /** 3.15's LOAD_COMMON_CONSTANT of None, '', True, False, -1; null before 3.15. */
    private final CommonConstants common;

    ConstFolding314(PyVersion version, OpcodeFacts facts, List<PyObject> consts, UnaryOperator<PyObject> mergeOne) {
        super(facts, consts, mergeOne);
        this.version = version;
        this.common = facts.commonConstants;
        this.loadSmallInt = version.has(Feature.LOAD_SMALL_INT);
    }

    /** Whether the version has LOAD_SMALL_INT (asked once per constant load). */
    private final boolean loadSmallInt;

    /** {@code loads_const}: LOAD_CONST or LOAD_SMALL_INT (3.15: or LOAD_COMMON_CONSTANT of a plain constant). */
    boolean loadsConst(Op op, int oparg) {
        if (op == Op.LOAD_COMMON_CONSTANT) return common != null && common.isPlain(oparg);
        return facts.hasConst(op) || op == Op.LOAD_SMALL_INT;
    }

    /**
     * {@code get_const_value}: LOAD_SMALL_INT loads its oparg, CPython's small-int singleton, which is here
     * the module's one object for that int (through the const cache), so that a folded tuple shares it
     * with every other occurrence as marshal sees them.
     */
    @Override
    PyObject getConstValue(Op op, int oparg) {
        if (op == Op.LOAD_SMALL_INT) return mergeOne.apply(PyInt.of(oparg));
        if (op == Op.LOAD_COMMON_CONSTANT && common != null) return common.value(oparg, mergeOne);
        return super.getConstValue(op, oparg);
    }

    /** 3.15: a LOAD_CONST of None, '', True, False or -1 becomes LOAD_COMMON_CONSTANT; true if done. */
    boolean maybeInstrMakeLoadCommonConstant(CfgInstr instr, PyObject newconst) {
        if (common == null) return false;
        int index = common.indexOf(newconst);
        if (index < 0) return false;
        instr.setOp1(Op.LOAD_COMMON_CONSTANT, index);
        return true;
    }

    /** {@code maybe_instr_make_load_smallint}: an exact int in [0, 256) becomes LOAD_SMALL_INT; true if done. */
    boolean maybeInstrMakeLoadSmallint(CfgInstr instr, PyObject newconst) {
        if (loadSmallInt && newconst instanceof PyInt i && i.fitsLong()) {
            long v = i.longValue();
            if (v >= 0 && v < 256) {
                instr.setOp1(Op.LOAD_SMALL_INT, (int) v);
                return true;
            }
        }
        return false;
    }

    /** {@code instr_make_load_const}: LOAD_SMALL_INT if it can, else LOAD_CONST of the (merged) constant. */
    void instrMakeLoadConst(CfgInstr instr, PyObject newconst) {
        if (maybeInstrMakeLoadSmallint(instr, newconst)) return;
        if (maybeInstrMakeLoadCommonConstant(instr, newconst)) return;
        instr.setOp1(Op.LOAD_CONST, addConst(newconst));
    }

    /**
     * {@code get_const_loading_instrs}: the {@code size} constant loads that end at {@code start}, NOPs
     * skipped, in stack order; null if another instruction comes first.
     */
    CfgInstr[] getConstLoadingInstrs(BasicBlock bb, int start, int size) {
        // checked before the array is made: most operations asked about have an operand that is not a constant
        int found = 0;
        for (int pos = start; pos >= 0 && found < size; pos--) {
            CfgInstr in = bb.instrs[pos];
            if (in.op == Op.NOP) continue;
            if (!loadsConst(in.op, in.oparg)) return null;
            found++;
        }
        if (found < size) return null;
        CfgInstr[] instrs = new CfgInstr[size];
        for (int pos = start; size > 0; pos--) {
            CfgInstr in = bb.instrs[pos];
            if (in.op != Op.NOP) instrs[--size] = in;
        }
        return instrs;
    }

    /** {@code nop_out}: NOPs without a location. */
    static void nopOut(CfgInstr[] instrs) {
        for (CfgInstr in : instrs) {
            in.setOp0(Op.NOP);
            in.loc = Location.NO_LOCATION;
        }
    }

    private PyTuple valuesOf(CfgInstr[] instrs) {
        PyObject[] items = new PyObject[instrs.length];
        for (int i = 0; i < items.length; i++) items[i] = getConstValue(instrs[i].op, instrs[i].oparg);
        return PyTuple.ofFresh(items);
    }

    /** {@code basicblock_optimize_load_const} of 3.14: small ints, constant conditions, {@code None} tests, constant TO_BOOL. */
    @Override
    void basicblockOptimizeLoadConst(BasicBlock bb) {
        Op opcode = null;
        int oparg = 0;
        for (int i = 0; i < bb.used; i++) {
            CfgInstr inst = bb.instrs[i];
            if (inst.op == Op.LOAD_CONST) {
                PyObject v = getConstValue(inst.op, inst.oparg);
                if (!maybeInstrMakeLoadSmallint(inst, v)) maybeInstrMakeLoadCommonConstant(inst, v);
            }
            boolean isCopyOfLoadConst = opcode == Op.LOAD_CONST && inst.op == Op.COPY && inst.oparg == 1;
            if (!isCopyOfLoadConst) {
                opcode = inst.op;
                oparg = inst.oparg;
            }
            if (!loadsConst(opcode, oparg)) continue;
            Op nextop = i + 1 < bb.used ? bb.instrs[i + 1].op : null;
            if (nextop == null) continue;
            switch (nextop) {
                case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, JUMP_IF_FALSE, JUMP_IF_TRUE -> {
                    boolean isTrue = isTrue(getConstValue(opcode, oparg));
                    if (facts.table.stackEffect(nextop, 0, false) == -1) inst.setOp0(Op.NOP); // the POP_ forms
                    boolean jumpIfTrue = nextop == Op.POP_JUMP_IF_TRUE || nextop == Op.JUMP_IF_TRUE;
                    if (isTrue == jumpIfTrue) bb.instrs[i + 1].op = Op.JUMP;
                    else bb.instrs[i + 1].setOp0(Op.NOP);
                }
                case IS_OP -> {
                    if (getConstValue(opcode, oparg) != PyConst.NONE) break;
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

    /** {@code fold_tuple_of_constants}: constant loads then BUILD_TUPLE n become NOPs and one load of the tuple. */
    void foldTupleOfConstants(BasicBlock bb, int i) {
        CfgInstr instr = bb.instrs[i];
        int seqSize = instr.oparg;
        if (seqSize > STACK_USE_GUIDELINE) return;
        CfgInstr[] constInstrs = getConstLoadingInstrs(bb, i - 1, seqSize);
        if (constInstrs == null) return;
        PyTuple t = valuesOf(constInstrs);
        nopOut(constInstrs);
        instrMakeLoadConst(instr, t);
    }

    /**
     * {@code fold_constant_intrinsic_list_to_tuple}: BUILD_LIST 0, (constant load, LIST_APPEND 1)...,
     * CALL_INTRINSIC_1 INTRINSIC_LIST_TO_TUPLE becomes a load of the tuple.
     */
    void foldConstantIntrinsicListToTuple(BasicBlock bb, int i) {
        foldAppendedConstants(bb, i - 1, bb.instrs[i], false);
    }

    /**
     * 3.15: BUILD_LIST 0, (constant load, LIST_APPEND 1)... (or BUILD_SET 0 and SET_ADD 1) right before GET_ITER or
     * CONTAINS_OP (a display too long for BUILD_LIST n / BUILD_SET n) becomes a load of the tuple (frozenset),
     * without a location (the lines pass gives it the one before).
     */
    void foldConstantListBeforeIter(BasicBlock bb, int i) {
        int last = i - 1;
        while (last >= 0 && bb.instrs[last].op == Op.NOP) last--;
        if (last < 0 || bb.instrs[last].oparg != 1) return;
        Op append = bb.instrs[last].op;
        if (append != Op.LIST_APPEND && append != Op.SET_ADD) return;
        foldAppendedConstants(bb, last, bb.instrs[last], append == Op.SET_ADD);
    }

    /**
     * The scan of {@code fold_constant_intrinsic_list_to_tuple}: from {@code last} back to BUILD_LIST 0 (BUILD_SET 0),
     * constant loads alternating with LIST_APPEND 1 (SET_ADD 1) are NOPed out and {@code into} loads the tuple
     * (frozenset) of the constants.
     */
    private void foldAppendedConstants(BasicBlock bb, int last, CfgInstr into, boolean set) {
        Op build = set ? Op.BUILD_SET : Op.BUILD_LIST;
        Op append = set ? Op.SET_ADD : Op.LIST_APPEND;
        int constsFound = 0;
        boolean expectAppend = true;
        for (int pos = last; pos >= 0; pos--) {
            CfgInstr instr = bb.instrs[pos];
            if (instr.op == Op.NOP) continue;
            if (instr.op == build && instr.oparg == 0) {
                if (!expectAppend) return; // not a sequence start
                PyObject[] items = new PyObject[constsFound];
                for (int newpos = last; newpos >= pos; newpos--) {
                    CfgInstr in = bb.instrs[newpos];
                    if (in.op == Op.NOP) continue;
                    if (loadsConst(in.op, in.oparg)) items[--constsFound] = getConstValue(in.op, in.oparg);
                    nopOut(new CfgInstr[] {in});
                }
                PyObject result = PyTuple.ofFresh(items);
                if (set) {
                    result = ConstEval.frozenset((PyTuple) result, version);
                    if (result == null) throw new IllegalStateException("TypeError: unhashable constant in a set display");
                }
                instrMakeLoadConst(into, result);
                return;
            }
            if (expectAppend) {
                if (instr.op != append || instr.oparg != 1) return;
            } else {
                if (!loadsConst(instr.op, instr.oparg)) return;
                constsFound++;
            }
            expectAppend = !expectAppend;
        }
    }

    /**
     * {@code optimize_lists_and_sets}: before GET_ITER or CONTAINS_OP a list or set of constants becomes a
     * constant tuple or frozenset (a list of non-constants a tuple); elsewhere a constant list or set of
     * at least {@link #MIN_CONST_SEQUENCE_SIZE} items becomes BUILD_LIST 0, LOAD_CONST tuple, LIST_EXTEND 1
     * (BUILD_SET, SET_UPDATE).
     */
    void optimizeListsAndSets(BasicBlock bb, int i, Op nextop) {
        CfgInstr instr = bb.instrs[i];
        boolean containsOrIter = nextop == Op.GET_ITER || nextop == Op.CONTAINS_OP;
        int seqSize = instr.oparg;
        if (seqSize > STACK_USE_GUIDELINE || (seqSize < MIN_CONST_SEQUENCE_SIZE && !containsOrIter)) return;
        CfgInstr[] constInstrs = getConstLoadingInstrs(bb, i - 1, seqSize);
        if (constInstrs == null) {
            if (containsOrIter && instr.op == Op.BUILD_LIST) instr.setOp1(Op.BUILD_TUPLE, instr.oparg);
            return;
        }
        PyObject constResult = valuesOf(constInstrs);
        if (instr.op == Op.BUILD_SET) {
            constResult = ConstEval.frozenset((PyTuple) constResult, version);
            if (constResult == null) throw new IllegalStateException("TypeError: unhashable constant in a set display");
        }
        int index = addConst(constResult);
        nopOut(constInstrs);
        if (containsOrIter) {
            instr.setOp1(Op.LOAD_CONST, index);
        } else {
            CfgInstr build = bb.instrs[i - 2];
            build.loc = instr.loc;
            build.setOp1(instr.op, 0);
            bb.instrs[i - 1].setOp1(Op.LOAD_CONST, index);
            instr.setOp1(instr.op == Op.BUILD_LIST ? Op.LIST_EXTEND : Op.SET_UPDATE, 1);
        }
    }

    /** {@code fold_const_binop}: two constant loads and BINARY_OP become one load of the result, unless it raises or is too big. */
    void foldConstBinop(BasicBlock bb, int i) {
        CfgInstr binop = bb.instrs[i];
        CfgInstr[] operands = getConstLoadingInstrs(bb, i - 1, 2);
        if (operands == null) return;
        PyObject lhs = getConstValue(operands[0].op, operands[0].oparg);
        PyObject rhs = getConstValue(operands[1].op, operands[1].oparg);
        PyObject newconst = evalConstBinop(lhs, binop.oparg, rhs);
        if (newconst == null) return;
        nopOut(operands);
        instrMakeLoadConst(binop, newconst);
    }

    /** {@code eval_const_binop}: null where Python raises (or for in-place operators, which never reach here). */
    private PyObject evalConstBinop(PyObject left, int op, PyObject right) {
        String name = facts.table.list("nb_ops").get(op);
        OperatorNode o = switch (name) {
            case "NB_ADD" -> OperatorNode.Add;
            case "NB_SUBTRACT" -> OperatorNode.Sub;
            case "NB_MULTIPLY" -> OperatorNode.Mult;
            case "NB_TRUE_DIVIDE" -> OperatorNode.Div;
            case "NB_FLOOR_DIVIDE" -> OperatorNode.FloorDiv;
            case "NB_REMAINDER" -> OperatorNode.Mod;
            case "NB_POWER" -> OperatorNode.Pow;
            case "NB_LSHIFT" -> OperatorNode.LShift;
            case "NB_RSHIFT" -> OperatorNode.RShift;
            case "NB_OR" -> OperatorNode.BitOr;
            case "NB_XOR" -> OperatorNode.BitXor;
            case "NB_AND" -> OperatorNode.BitAnd;
            case "NB_SUBSCR" -> null;
            default -> OperatorNode.MatMult; // matrix multiplication: no builtin constant has it
        };
        return o == null ? ConstEval.subscript(left, right) : ConstEval.binop(o, left, right, version);
    }

    /** {@code fold_const_unaryop}: a constant load and a unary operation become one load of the result. */
    void foldConstUnaryop(BasicBlock bb, int i) {
        CfgInstr unaryop = bb.instrs[i];
        CfgInstr[] operand = getConstLoadingInstrs(bb, i - 1, 1);
        if (operand == null) return;
        PyObject v = getConstValue(operand[0].op, operand[0].oparg);
        // eval_const_unaryop leaves ~True and ~False alone (deprecated: the invert would warn at compile time),
        // which 3.13's AST optimizer folded to -2 and -1
        if (unaryop.op == Op.UNARY_INVERT && (v == PyConst.TRUE || v == PyConst.FALSE)) return;
        PyObject newconst = switch (unaryop.op) {
            case UNARY_NEGATIVE -> ConstEval.unary(UnaryopNode.USub, v, version);
            case UNARY_INVERT -> ConstEval.unary(UnaryopNode.Invert, v, version);
            case UNARY_NOT -> PyConst.bool(!isTrue(v));
            default -> ConstEval.unary(UnaryopNode.UAdd, v, version); // CALL_INTRINSIC_1 INTRINSIC_UNARY_POSITIVE
        };
        if (newconst == null) return;
        nopOut(operand);
        instrMakeLoadConst(unaryop, newconst);
    }
}
