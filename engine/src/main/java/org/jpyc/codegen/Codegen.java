package org.jpyc.codegen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jpyc.assemble.Assembler;
import org.jpyc.ast.Attribute;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.ModNode;
import org.jpyc.ast.Name;
import org.jpyc.ast.StmtNode;
import org.jpyc.flowgraph.FlowGraph;
import org.jpyc.instrseq.CodeFlags;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.ConstCache;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.NameTable;
import org.jpyc.instrseq.Op;
import org.jpyc.instrseq.OpTable;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyObject;
import org.jpyc.source.PyCompileError;
import org.jpyc.symtable.BlockType;
import org.jpyc.symtable.FutureFeatures;
import org.jpyc.symtable.Scope;
import org.jpyc.symtable.SymbolMap;
import org.jpyc.symtable.SymbolTable;
import org.jpyc.symtable.Symbols;
import org.jpyc.version.PyVersion;

/**
 * The code generator ({@code struct compiler} and its core helpers, Python/compile.c of 3.13): a stack
 * of code units, the emit helpers every construct uses, names, constants, frame blocks, scopes.
 * Constructs live in their own classes, each named for the part of compile.c it mirrors:
 * {@code StmtCodegen}, {@code ExprCodegen}, {@code FunctionCodegen}, {@code TryCodegen},
 * {@code WithCodegen}, {@code ComprehensionCodegen}, {@code PatternCodegen}.
 *
 * <p>CONTRACT: the public methods below are what the construct classes call; their signatures are
 * fixed. Errors are thrown as {@link PyCompileError} (CPython's SyntaxError text and position).
 *
 * <p>Version seams (3.13 is the path written): {@link #loadConst} (LOAD_CONST in every version; 3.14's
 * LOAD_SMALL_INT is flowgraph's), {@link #makeClosure} (3.12 and older: MAKE_FUNCTION with a flags oparg, no
 * SET_FUNCTION_ATTRIBUTE), {@code FunctionCodegen.functionBody} (3.14: no None at co_consts[0],
 * CO_HAS_DOCSTRING), {@link #addPopIter}, {@link #addSubscr}, {@link #callExitWithNones} (3.14: POP_ITER,
 * BINARY_OP NB_SUBSCR, CALL 3), {@code ClassCodegen.classBody} (3.13+: {@code __firstlineno__},
 * {@code __static_attributes__}; 3.14: PEP 649 {@code __annotate__}), {@code ModuleCodegen.cleanDoc}
 * (3.13+ only).
 */
public final class Codegen {
    /** {@code MAKE_FUNCTION_*} flags of SET_FUNCTION_ATTRIBUTE (Include/internal/pycore_opcode_utils.h, 3.13). */
    public static final int MAKE_FUNCTION_DEFAULTS = 0x01, MAKE_FUNCTION_KWDEFAULTS = 0x02,
            MAKE_FUNCTION_ANNOTATIONS = 0x04, MAKE_FUNCTION_CLOSURE = 0x08;
    /** {@code MAKE_FUNCTION_ANNOTATE} (3.14): the function's {@code __annotate__}. */
    public static final int MAKE_FUNCTION_ANNOTATE = 0x10;
    /** {@code RESUME_*} opargs (Include/internal/pycore_opcode_utils.h). */
    public static final int RESUME_AT_FUNC_START = 0, RESUME_AFTER_YIELD = 1, RESUME_AFTER_YIELD_FROM = 2,
            RESUME_AFTER_AWAIT = 3;
    /** {@code CO_MAXBLOCKS} (Include/cpython/code.h of 3.13; 20 in 3.12, {@code Feature.CO_MAXBLOCKS_21}). */
    public static final int CO_MAXBLOCKS = 21;

    public final PyVersion version;
    public final OpTable ops;
    /**
     * The BINARY_OP opargs {@link #addBinary} has looked up, plus one (0: not yet), by operator ordinal times
     * two plus one for the in-place form: a module asks for a few operators many times.
     */
    private final int[] binaryOpargs = new int[org.jpyc.ast.OperatorNode.values().length * 2];
    /** The COMPARE_OP opargs {@code BranchCodegen.addCompare} has looked up, plus one (0: not yet), by operator ordinal. */
    final int[] compareOpargs = new int[org.jpyc.ast.CmpopNode.values().length];
    /** How far LOAD_GLOBAL's name index is shifted: 1 from 3.11 (the low bit pushes a NULL), 0 in 3.10
     *  ({@code Feature.LOAD_GLOBAL_NULL_BIT}). */
    final int loadGlobalShift;
    public final SymbolTable st;
    public final FutureFeatures future;
    public final ConstCache constCache;
    /** {@code c_optimize}: 0, 1 (-O) or 2 (-OO). */
    public final int optimize;
    public final String filename;

    /** {@code c->u}. */
    private CodegenUnit u;
    /** {@code c_stack}: the enclosing units, outermost first. */
    private final List<CodegenUnit> stack = new ArrayList<>();
    /** {@code c_nestlevel}. */
    private int nestlevel;
    /** {@code c_interactive}: never set for py_compile; kept for the statement-expression rule. */
    private boolean interactive;
    private UnitSink sink = this::optimizeAndAssembleCodeUnit;
    /** {@code c_save_nested_seqs}: keep each finished unit's sequence in its parent's ({@link InstrSequence#nested}). */
    private boolean saveNestedSeqs;
    /**
     * The code objects made here, in the order made, and the free variable names of each in
     * co_localsplusnames order ({@code co_nfreevars} tail). Searched from the end by identity: a code object is
     * asked for right after it is made ({@link #makeClosure}), and an identity map would hash each object.
     */
    private final List<PyCode> madeCodes = new ArrayList<>();
    private final List<List<String>> madeCodeFreevars = new ArrayList<>();
    /** The qualified name of each code object made here ({@code u_qualname}), for 3.10's MAKE_FUNCTION. */
    private final List<PyObject> madeCodeQualnames = new ArrayList<>();
    /**
     * {@code _PyCompile_ConstCacheMergeOne} on {@link #constCache}, made once: a bound method reference made
     * per code unit costs, under C1, a runtime call ({@code Unsafe.allocateInstance}) each time.
     */
    private final java.util.function.UnaryOperator<PyObject> mergeOne;
    /** Nesting of expression and pattern visits, for {@link DeepExpr}. */
    final int[] exprVisitDepth = new int[1];

    public Codegen(PyVersion version, SymbolTable st, FutureFeatures future, int optimize, String filename) {
        this.version = version;
        this.ops = OpTable.of(version);
        this.loadGlobalShift = version.has(org.jpyc.version.Feature.LOAD_GLOBAL_NULL_BIT) ? 1 : 0;
        this.st = st;
        this.future = future;
        this.constCache = new ConstCache(version);
        this.mergeOne = constCache::mergeOne;
        this.optimize = optimize;
        this.filename = filename;
    }

    /** Test hook: where finished units go (default: flowgraph then assembler). */
    public void setUnitSink(UnitSink sink) {
        this.sink = sink;
    }

    /** Test hook ({@code c_save_nested_seqs}, as {@code _PyCompile_CodeGen} sets it): keep nested units' sequences. */
    public void setSaveNestedSeqs(boolean save) {
        this.saveNestedSeqs = save;
    }

    /**
     * {@code compiler_mod}: the module's code object, nested code objects in its constants. A module
     * nested too deeply for the caller's stack is compiled again from scratch on a larger one.
     */
    public PyCode compileModule(ModNode mod) {
        try {
            return compileMod(mod);
        } catch (StackOverflowError e) {
            u = null;
            stack.clear();
            nestlevel = 0;
            madeCodes.clear();
            madeCodeFreevars.clear();
            madeCodeQualnames.clear();
            return org.jpyc.util.BigStack.run("jpyc-codegen", () -> compileMod(mod));
        }
    }

    /** {@code compiler_mod}. */
    private PyCode compileMod(ModNode mod) {
        enterScope("<module>", ScopeType.MODULE, mod, 1, CodeUnitSetup.NONE);
        try {
            ModuleCodegen.codegen(this, mod);
            return optimizeAndAssemble(!(mod instanceof org.jpyc.ast.Expression));
        } finally {
            exitScopeOnly();
        }
    }

    // ---- the current unit ----

    /** The unit being compiled ({@code c->u}). */
    public CodegenUnit unit() {
        return u;
    }

    /** The current unit's symbol table entry ({@code c->u->u_ste}). */
    public Scope scope() {
        return unit().ste;
    }

    /** The enclosing units ({@code c_stack}), outermost first; the current unit is not in it. */
    public List<CodegenUnit> enclosingUnits() {
        return stack;
    }

    /** {@code c_nestlevel}. */
    public int nestLevel() {
        return nestlevel;
    }

    /** {@code c_interactive}. */
    public boolean interactive() {
        return interactive;
    }

    /** {@code IS_TOP_LEVEL_AWAIT(c)}: py_compile never passes PyCF_ALLOW_TOP_LEVEL_AWAIT. */
    public boolean isTopLevelAwait() {
        return false;
    }

    /** The current unit's instruction sequence ({@code INSTR_SEQUENCE(c)}). */
    public InstrSequence instrs() {
        return u.instrs;
    }

    // ---- emitting (codegen_addop_*; ADDOP, ADDOP_I, ADDOP_JUMP, ADDOP_LOAD_CONST, ADDOP_NAME, ...) ----

    /** {@code ADDOP}: an instruction without argument (oparg 0). */
    public void addOp(Op op, Location loc) {
        u.instrs.addOp(op, 0, loc);
    }

    /** {@code ADDOP_I}. 3.10 ({@code Feature.SWAP_COPY}): COPY 1 is DUP_TOP and SWAP 2 is ROT_TWO. */
    public void addOpI(Op op, int oparg, Location loc) {
        if ((op == Op.COPY || op == Op.SWAP) && !version.has(org.jpyc.version.Feature.SWAP_COPY)) {
            addRotOrDup310(op, oparg, loc);
            return;
        }
        u.instrs.addOp(op, oparg, loc);
    }

    /** 3.10's opcode for a COPY or SWAP whose 3.11 form has a 3.10 twin (COPY 1, SWAP 2); any other is a site
     *  whose 3.10 layout differs, which must branch itself. */
    private void addRotOrDup310(Op op, int oparg, Location loc) {
        if (op == Op.COPY && oparg == 1) {
            u.instrs.addOp(Op.DUP_TOP, 0, loc);
        } else if (op == Op.SWAP && oparg == 2) {
            u.instrs.addOp(Op.ROT_TWO, 0, loc);
        } else {
            throw new IllegalStateException(op + " " + oparg + " has no 3.10 form here");
        }
    }

    /**
     * {@code ADDOP_JUMP}: a jump (or SETUP_* pseudo op) to a label. 3.10 ({@code Feature.JUMP_PSEUDO_OPS}): JUMP and
     * JUMP_NO_INTERRUPT are JUMP_ABSOLUTE to a label already bound (backwards), else JUMP_FORWARD.
     */
    public void addJump(Op op, int label, Location loc) {
        if ((op == Op.JUMP || op == Op.JUMP_NO_INTERRUPT) && !version.has(org.jpyc.version.Feature.JUMP_PSEUDO_OPS)) {
            op = u.instrs.labelTarget(label) >= 0 ? Op.JUMP_ABSOLUTE : Op.JUMP_FORWARD;
        }
        u.instrs.addOp(op, label, loc);
    }

    /** {@code NEW_JUMP_TARGET_LABEL}. */
    public int newLabel() {
        return u.instrs.newLabel();
    }

    /** {@code USE_LABEL}. */
    public void useLabel(int label) {
        u.instrs.useLabel(label);
    }

    /** {@code compiler_add_const}: merges {@code o} through the const cache and returns its index in co_consts. */
    public int addConst(PyObject o) {
        PyObject canonical = (o == PyConst.NONE || o == PyConst.ELLIPSIS) ? o : constCache.merge(o);
        return u.metadata.addConst(canonical);
    }

    /**
     * The str constant of a possibly mangled identifier ({@code _Py_MaybeMangle}'s result): the parser's
     * interned identifier when unchanged, a new (not interned) string when mangled.
     */
    public PyObject mangledNameConst(String name) {
        String mangled = mangle(name);
        return mangled.equals(name) ? identifier(name) : org.jpyc.object.PyStr.of(mangled, false);
    }

    /**
     * An identifier of the source as a constant: the parser's interned str object
     * ({@code _PyPegen_new_identifier} interns every identifier, so each occurrence of a name is that
     * one object, and constants made from it share it with co_names, localsplusnames and co_name).
     */
    public org.jpyc.object.PyStr identifier(String name) {
        return constCache.interned().intern(name);
    }

    /** {@code ADDOP_LOAD_CONST}. */
    public void loadConst(PyObject o, Location loc) {
        addOpI(Op.LOAD_CONST, addConst(o), loc);
    }

    /** {@code ADDOP_LOAD_CONST_NEW} is the same in Java. {@code ADDOP_N}/{@code ADDOP_O} with a const: {@code addOpI(op, addConst(o))}. */

    /**
     * {@code ADDOP_NAME} ({@code compiler_addop_name}): mangles {@code name}, adds it to {@code u_names},
     * and encodes the oparg as 3.13 does for LOAD_ATTR/LOAD_METHOD (index << 1, method bit),
     * LOAD_SUPER_ATTR/LOAD_SUPER_METHOD/LOAD_ZERO_SUPER_* (index << 2 and bits), LOAD_GLOBAL handled by nameOp.
     */
    public void addOpName(Op op, String name, Location loc) {
        int arg = u.metadata.names.add(mangle(name));
        if (!version.has(org.jpyc.version.Feature.LOAD_ATTR_METHOD_BIT)) {
            // 3.11: LOAD_METHOD is its own opcode; names are bare indices
            addOpI(op, arg, loc);
            return;
        }
        switch (op) {
            case LOAD_ATTR -> arg <<= 1;
            case LOAD_METHOD -> {
                op = Op.LOAD_ATTR;
                arg = (arg << 1) | 1;
            }
            case LOAD_SUPER_ATTR -> arg = (arg << 2) | 2;
            case LOAD_SUPER_METHOD -> {
                op = Op.LOAD_SUPER_ATTR;
                arg = (arg << 2) | 3;
            }
            case LOAD_ZERO_SUPER_ATTR -> {
                op = Op.LOAD_SUPER_ATTR;
                arg <<= 2;
            }
            case LOAD_ZERO_SUPER_METHOD -> {
                op = Op.LOAD_SUPER_ATTR;
                arg = (arg << 2) | 1;
            }
            default -> { }
        }
        addOpI(op, arg, loc);
    }

    /** {@code ADDOP_N(... names)} without mangling ({@code compiler_addop_o} on u_names): IMPORT_NAME, IMPORT_FROM. */
    public void addOpNameUnmangled(Op op, String name, Location loc) {
        addOpI(op, u.metadata.names.add(name), loc);
    }

    /** {@code compiler_addop_o} on {@code u_varnames} ({@code ADDOP_N(..., varnames)}): a fast local by name, unmangled. */
    public void addOpVarname(Op op, String name, Location loc) {
        addOpI(op, u.metadata.varnames.add(name), loc);
    }

    /** {@code ADDOP_BINARY}/{@code ADDOP_INPLACE} ({@code addop_binary}): BINARY_OP with the NB_* oparg of {@code op}
     *  (3.10, {@code Feature.BINARY_OP}: the operator's own opcode, {@code binop} / {@code inplace_binop}). */
    public void addBinary(org.jpyc.ast.OperatorNode op, boolean inplace, Location loc) {
        if (!version.has(org.jpyc.version.Feature.BINARY_OP)) {
            addOp(binaryOp310(op, inplace), loc);
            return;
        }
        int slot = op.ordinal() * 2 + (inplace ? 1 : 0);
        int arg = binaryOpargs[slot] - 1;
        if (arg < 0) {
            arg = binaryOparg(op, inplace);
            binaryOpargs[slot] = arg + 1;
        }
        addOpI(Op.BINARY_OP, arg, loc);
    }

    /** 3.10's {@code binop} and {@code inplace_binop}: BINARY_ADD, INPLACE_ADD, ... */
    private static Op binaryOp310(org.jpyc.ast.OperatorNode op, boolean inplace) {
        return switch (op) {
            case Add -> inplace ? Op.INPLACE_ADD : Op.BINARY_ADD;
            case Sub -> inplace ? Op.INPLACE_SUBTRACT : Op.BINARY_SUBTRACT;
            case Mult -> inplace ? Op.INPLACE_MULTIPLY : Op.BINARY_MULTIPLY;
            case MatMult -> inplace ? Op.INPLACE_MATRIX_MULTIPLY : Op.BINARY_MATRIX_MULTIPLY;
            case Div -> inplace ? Op.INPLACE_TRUE_DIVIDE : Op.BINARY_TRUE_DIVIDE;
            case Mod -> inplace ? Op.INPLACE_MODULO : Op.BINARY_MODULO;
            case Pow -> inplace ? Op.INPLACE_POWER : Op.BINARY_POWER;
            case LShift -> inplace ? Op.INPLACE_LSHIFT : Op.BINARY_LSHIFT;
            case RShift -> inplace ? Op.INPLACE_RSHIFT : Op.BINARY_RSHIFT;
            case BitOr -> inplace ? Op.INPLACE_OR : Op.BINARY_OR;
            case BitXor -> inplace ? Op.INPLACE_XOR : Op.BINARY_XOR;
            case BitAnd -> inplace ? Op.INPLACE_AND : Op.BINARY_AND;
            case FloorDiv -> inplace ? Op.INPLACE_FLOOR_DIVIDE : Op.BINARY_FLOOR_DIVIDE;
        };
    }

    /** The NB_* oparg of {@code op} in the target's {@code nb_ops} table, looked up by name. */
    private int binaryOparg(org.jpyc.ast.OperatorNode op, boolean inplace) {
        String nb = switch (op) {
            case Add -> "ADD";
            case Sub -> "SUBTRACT";
            case Mult -> "MULTIPLY";
            case MatMult -> "MATRIX_MULTIPLY";
            case Div -> "TRUE_DIVIDE";
            case Mod -> "REMAINDER";
            case Pow -> "POWER";
            case LShift -> "LSHIFT";
            case RShift -> "RSHIFT";
            case BitOr -> "OR";
            case BitXor -> "XOR";
            case BitAnd -> "AND";
            case FloorDiv -> "FLOOR_DIVIDE";
        };
        return ops.indexIn("nb_ops", (inplace ? "NB_INPLACE_" : "NB_") + nb);
    }

    /** {@code ADDOP_I(CALL, n)}, after {@code ADDOP_I(PRECALL, n)} in 3.11 ({@code Feature.PRECALL}); 3.10: CALL_FUNCTION n
     *  ({@code Feature.CALL_OPCODE}). For a call whose callable has its NULL (or is a method: {@link #addMethodCall}). */
    public void addCall(int nargs, Location loc) {
        if (!version.has(org.jpyc.version.Feature.CALL_OPCODE)) {
            addOpI(Op.CALL_FUNCTION, nargs, loc);
            return;
        }
        if (version.has(org.jpyc.version.Feature.PRECALL)) addOpI(Op.PRECALL, nargs, loc);
        addOpI(Op.CALL, nargs, loc);
    }

    /** A CALL whose first argument sits in the NULL slot (a decorator's function, a comprehension's iterator, the
     *  assert message): CALL n from 3.11, where 3.10 calls with one argument more (CALL_FUNCTION n + 1). */
    public void addCallSelfArg(int nargs, Location loc) {
        addCall(version.has(org.jpyc.version.Feature.CALL_OPCODE) ? nargs : nargs + 1, loc);
    }

    /** The call after LOAD_METHOD: CALL n from 3.11, CALL_METHOD n in 3.10. */
    public void addMethodCall(int nargs, Location loc) {
        if (!version.has(org.jpyc.version.Feature.CALL_OPCODE)) {
            addOpI(Op.CALL_METHOD, nargs, loc);
            return;
        }
        addCall(nargs, loc);
    }

    /** The NULL under a callable (PUSH_NULL, 3.11+); 3.10 has none ({@code Feature.CALL_OPCODE}). */
    public void addPushNull(Location loc) {
        if (version.has(org.jpyc.version.Feature.CALL_OPCODE)) addOp(Op.PUSH_NULL, loc);
    }

    /**
     * A one-operand intrinsic: CALL_INTRINSIC_1 {@code name} from 3.12, the opcode {@code op311} of its own in 3.11
     * ({@code Feature.CALL_INTRINSICS}).
     */
    public void addIntrinsic1(String name, Op op311, Location loc) {
        if (version.has(org.jpyc.version.Feature.CALL_INTRINSICS)) {
            addOpI(Op.CALL_INTRINSIC_1, intrinsic1(name), loc);
        } else {
            addOp(op311, loc);
        }
    }

    /** The oparg of CALL_INTRINSIC_1 for {@code name} (e.g. {@code INTRINSIC_PRINT}). */
    public int intrinsic1(String name) {
        return ops.indexIn("intrinsic1", name);
    }

    /** The oparg of CALL_INTRINSIC_2 for {@code name}. */
    public int intrinsic2(String name) {
        return ops.indexIn("intrinsic2", name);
    }

    /** The oparg of LOAD_COMMON_CONSTANT (3.14+) for {@code name} ({@code AssertionError}, {@code NotImplementedError}, ...). */
    public int commonConstant(String name) {
        return ops.indexIn("common_constants", name);
    }

    /** The oparg of LOAD_SPECIAL (3.14+) for {@code name} ({@code __enter__}, {@code __exit__}, ...). */
    public int specialMethod(String name) {
        return ops.indexIn("special_methods", name);
    }

    /** A forward jump over code that must not be interrupted (an else branch, handlers, cleanup): JUMP_NO_INTERRUPT,
     *  a plain JUMP in 3.12 ({@code Feature.JUMP_NO_INTERRUPT_FORWARD}). */
    public void addForwardJumpNoInterrupt(int target, Location loc) {
        addJump(version.has(org.jpyc.version.Feature.JUMP_NO_INTERRUPT_FORWARD) ? Op.JUMP_NO_INTERRUPT : Op.JUMP, target, loc);
    }

    /** The iterator's pop after END_FOR: POP_ITER from 3.14 ({@code codegen_for}), POP_TOP before, none in 3.12 (its
     *  END_FOR pops the iterator too). */
    public void addPopIter(Location loc) {
        if (!version.has(org.jpyc.version.Feature.END_FOR_POP_ITERATOR)) return;
        addOp(version.has(org.jpyc.version.Feature.POP_ITER) ? Op.POP_ITER : Op.POP_TOP, loc);
    }

    /** A subscript load: BINARY_SUBSCR, or from 3.14 {@code BINARY_OP NB_SUBSCR}. */
    public void addSubscr(Location loc) {
        if (version.has(org.jpyc.version.Feature.BINARY_OP_SUBSCR)) {
            addOpI(Op.BINARY_OP, ops.indexIn("nb_ops", "NB_SUBSCR"), loc);
        } else {
            addOp(Op.BINARY_SUBSCR, loc);
        }
    }

    /** The END_FOR an exhausted FOR_ITER jumps to (none in 3.11: {@code Feature.END_FOR}), then the iterator's pop. */
    public void addEndFor() {
        if (version.has(org.jpyc.version.Feature.END_FOR)) addOp(Op.END_FOR, Location.NO_LOCATION);
        addPopIter(Location.NO_LOCATION);
    }

    /** {@code ADDOP_YIELD} ({@code addop_yield}); 3.10: YIELD_VALUE alone ({@code Feature.RESUME}: the interpreter
     *  wraps an async generator's values itself). */
    public void addYield(Location loc) {
        if (!version.has(org.jpyc.version.Feature.RESUME)) {
            addOp(Op.YIELD_VALUE, loc);
            return;
        }
        if (u.ste.generator && u.ste.coroutine) addIntrinsic1("INTRINSIC_ASYNC_GEN_WRAP", Op.ASYNC_GEN_WRAP, loc);
        addOpI(Op.YIELD_VALUE, 0, loc);
        addOpI(Op.RESUME, RESUME_AFTER_YIELD, loc);
    }

    /**
     * 3.15 ({@link org.jpyc.version.Feature#SEND_NULL_SLOT}): the NULL that SEND finds under its value, pushed after
     * an awaitable (GET_AWAITABLE, GET_ANEXT); GET_ITER 1 pushes its own for {@code yield from}.
     */
    public void addSendNullSlot(Location loc) {
        if (version.has(org.jpyc.version.Feature.SEND_NULL_SLOT)) addOp(Op.PUSH_NULL, loc);
    }

    /** {@code compiler_add_yield_from}. */
    public void addYieldFrom(Location loc, boolean await) {
        if (version.has(org.jpyc.version.Feature.YIELD_FROM_OPCODE)) {
            // 3.10: the iterator and None on the stack, YIELD_FROM does the loop
            addOp(Op.YIELD_FROM, loc);
            return;
        }
        if (!version.has(org.jpyc.version.Feature.YIELD_FROM_CLEANUP_THROW)) {
            addYieldFrom311(loc, await);
            return;
        }
        int send = newLabel();
        int fail = newLabel();
        int exit = newLabel();
        useLabel(send);
        addJump(Op.SEND, exit, loc);
        addJump(Op.SETUP_FINALLY, fail, loc);
        // 3.12: 0, the flowgraph sets the exception depth (label_exception_targets)
        addOpI(Op.YIELD_VALUE, version.has(org.jpyc.version.Feature.YIELD_FROM_OPARG) ? 1 : 0, loc);
        addOp(Op.POP_BLOCK, Location.NO_LOCATION);
        addOpI(Op.RESUME, await ? RESUME_AFTER_AWAIT : RESUME_AFTER_YIELD_FROM, loc);
        addJump(Op.JUMP_NO_INTERRUPT, send, loc);
        useLabel(fail);
        addOp(Op.CLEANUP_THROW, loc);
        useLabel(exit);
        addOp(Op.END_SEND, loc);
    }

    /** {@code compiler_add_yield_from} of 3.11: SEND, YIELD_VALUE, RESUME, back to SEND; no handler. */
    private void addYieldFrom311(Location loc, boolean await) {
        int send = newLabel();
        int exit = newLabel();
        useLabel(send);
        addJump(Op.SEND, exit, loc);
        addOp(Op.YIELD_VALUE, loc);
        addOpI(Op.RESUME, await ? RESUME_AFTER_AWAIT : RESUME_AFTER_YIELD_FROM, loc);
        addJump(Op.JUMP_NO_INTERRUPT, send, loc);
        useLabel(exit);
    }

    // ---- visiting ----

    /** {@code VISIT(c, expr, e)} ({@code compiler_visit_expr}). */
    public void visitExpr(ExprNode e) {
        ExprCodegen.visit(this, e);
    }

    /** {@code VISIT_SEQ(c, expr, seq)}. */
    public void visitExprs(List<? extends ExprNode> seq) {
        if (seq == null) return;
        for (int i = 0, n = seq.size(); i < n; i++) visitExpr(seq.get(i));
    }

    /** {@code VISIT(c, stmt, s)} ({@code compiler_visit_stmt}). */
    public void visitStmt(StmtNode s) {
        StmtCodegen.visit(this, s);
    }

    /** {@code VISIT_SEQ(c, stmt, body)}. */
    public void visitStmts(List<StmtNode> body) {
        if (body == null) return;
        for (int i = 0, n = body.size(); i < n; i++) visitStmt(body.get(i));
    }

    /**
     * {@code compiler_jump_if}: jump to {@code label} if {@code e} is (cond) true, short-circuiting. Returns the
     * location in force afterwards: {@code loc}, or in 3.11 that of the last single comparison tested
     * ({@code Feature.JUMP_IF_AT_TEST}).
     */
    public Location jumpIf(Location loc, ExprNode e, int label, boolean cond) {
        return ExprCodegen.jumpIf(this, loc, e, label, cond);
    }

    /** {@code compiler_nameop}: LOAD/STORE/DELETE of a name in the right scope (FAST, DEREF, GLOBAL, NAME, ...). */
    public void nameOp(Location loc, String name, ExprContextNode ctx) {
        NameOps.nameOp(this, loc, name, ctx);
    }

    /** {@code _Py_MaybeMangle(c->u->u_private, c->u->u_ste, name)}. */
    public String mangle(String name) {
        return NameOps.maybeMangle(u.privateName, u.ste, name);
    }

    /** Whether {@code name} is {@code __debug__}: the length first, as under C1 String.equals calls out for every name of equal coder. */
    static boolean isDebugName(String name) {
        return name.length() == 9 && name.equals("__debug__");
    }

    /** {@code forbidden_name}: raises for a store to or delete of {@code __debug__}. */
    public void checkForbiddenName(Location loc, String name, ExprContextNode ctx) {
        // small enough for C1 to inline at each name: the raise is out of line
        if (ctx != ExprContextNode.Load && isDebugName(name)) throw forbiddenName(loc, ctx);
    }

    private PyCompileError forbiddenName(Location loc, ExprContextNode ctx) {
        return error(loc, ctx == ExprContextNode.Store ? "cannot assign to __debug__" : "cannot delete __debug__");
    }

    /**
     * {@code compiler_maybe_add_static_attribute_to_class}: records {@code self.X} stores in the
     * innermost enclosing class unit (for {@code __static_attributes__}).
     */
    public void maybeAddStaticAttributeToClass(Attribute e) {
        if (!(e.value() instanceof Name n) || e.ctx() != ExprContextNode.Store || !"self".equals(n.id())) return;
        for (int i = stack.size() - 1; i >= 0; i--) {
            CodegenUnit p = stack.get(i);
            if (p.scopeType == ScopeType.CLASS) {
                p.staticAttributes.add(e.attr());
                break;
            }
        }
    }

    // ---- frame blocks ----

    /** {@code compiler_push_fblock}; raises "too many statically nested blocks" past CO_MAXBLOCKS. */
    public void pushFBlock(Location loc, FBlockType type, int block, int exit, Object datum) {
        // 3.12: CO_MAXBLOCKS is 20
        int max = version.has(org.jpyc.version.Feature.CO_MAXBLOCKS_21) ? CO_MAXBLOCKS : CO_MAXBLOCKS - 1;
        if (u.fblocks.size() >= max) throw error(loc, "too many statically nested blocks");
        u.fblocks.add(new FBlock(type, block, loc, exit, datum));
    }

    /** {@code compiler_pop_fblock}. */
    public void popFBlock(FBlockType type, int block) {
        FBlock top = u.fblocks.remove(u.fblocks.size() - 1);
        assert top.type() == type && top.block() == block : "fblock mismatch: " + top + " vs " + type;
    }

    /** The innermost frame block, or null. */
    public FBlock topFBlock() {
        return u.fblocks.isEmpty() ? null : u.fblocks.get(u.fblocks.size() - 1);
    }

    /**
     * {@code compiler_unwind_fblock_stack}: emits the cleanup of every frame block up to (not including)
     * the innermost loop when {@code stopAtLoop}; returns that loop block (or null). {@code loc[0]} may be
     * replaced by NO_LOCATION as CPython does.
     */
    public FBlock unwindFBlockStack(Location[] loc, boolean preserveTos, boolean stopAtLoop) {
        return FBlockUnwinder.unwindStack(this, loc, preserveTos, stopAtLoop);
    }

    /** {@code wrap_in_stopiteration_handler}: the body guarded by a handler turning StopIteration into RuntimeError. */
    public void wrapInStopIterationHandler() {
        int handler = newLabel();
        u.instrs.insert(u.stopIterationHandlerAt, Op.SETUP_CLEANUP, handler, Location.NO_LOCATION);
        loadConst(PyConst.NONE, Location.NO_LOCATION);
        addOp(Op.RETURN_VALUE, Location.NO_LOCATION);
        useLabel(handler);
        addOpI(Op.CALL_INTRINSIC_1, intrinsic1("INTRINSIC_STOPITERATION_ERROR"), Location.NO_LOCATION);
        addOpI(Op.RERAISE, 1, Location.NO_LOCATION);
    }

    /** {@code compiler_pop_except_and_reraise}. */
    public void popExceptAndReraise(Location loc) {
        addOpI(Op.COPY, 3, loc);
        addOp(Op.POP_EXCEPT, loc);
        addOpI(Op.RERAISE, 1, loc);
    }

    /** {@code compiler_call_exit_with_nones}. */
    public void callExitWithNones(Location loc) {
        if (!version.has(org.jpyc.version.Feature.CALL_OPCODE)) {
            // 3.10: __exit__ is bound, three Nones
            loadConst(PyConst.NONE, loc);
            addOp(Op.DUP_TOP, loc);
            addOp(Op.DUP_TOP, loc);
            addCall(3, loc);
            return;
        }
        loadConst(PyConst.NONE, loc);
        loadConst(PyConst.NONE, loc);
        loadConst(PyConst.NONE, loc);
        // 3.14: the exit method is loaded unbound (LOAD_SPECIAL), self counts as an argument
        addCall(version.has(org.jpyc.version.Feature.WITH_LOAD_SPECIAL) ? 3 : 2, loc);
    }

    // ---- scopes ----

    /** {@code compiler_enter_scope}: a new unit for the scope opened by {@code key}. */
    public void enterScope(String name, ScopeType type, org.jpyc.ast.Node key, int lineno, CodeUnitSetup setup) {
        enterScope(name, type, key, lineno, setup, null);
    }

    /**
     * {@code compiler_enter_scope} with {@code prologue} (3.15: a generator expression's) emitted first in the new
     * unit, before its generator preamble and RESUME.
     */
    public void enterScope(String name, ScopeType type, org.jpyc.ast.Node key, int lineno, CodeUnitSetup setup,
                           Runnable prologue) {
        Scope ste = st.lookup(key);
        if (ste == null) throw new IllegalStateException("no symbol table entry for " + name + " (" + key.nodeName() + ")");
        enterScope(name, type, ste, lineno, setup, prologue);
    }

    /**
     * {@code compiler_enter_scope} for a scope found otherwise than by its node (the type-parameter
     * scope of a generic, a TypeVar's default: {@link SymbolTable#lookupTypeParams},
     * {@link SymbolTable#lookupTypeVarDefault}).
     */
    public void enterScope(String name, ScopeType type, Scope ste, int lineno, CodeUnitSetup setup) {
        enterScope(name, type, ste, lineno, setup, null);
    }

    private void enterScope(String name, ScopeType type, Scope ste, int lineno, CodeUnitSetup setup, Runnable prologue) {
        CodegenUnit nu = new CodegenUnit();
        nu.scopeType = type;
        nu.ste = ste;
        CodeUnitMetadata md = nu.metadata;
        md.argcount = setup.argcount();
        md.posonlyargcount = setup.posonlyargcount();
        md.kwonlyargcount = setup.kwonlyargcount();
        md.name = name;
        ArrayList<String> params = nu.ste.varnames;
        for (int i = 0, n = params.size(); i < n; i++) md.varnames.add(params.get(i));
        // the two dictbytype calls (cells, then frees numbered after the cells) select from one scan of the symbols
        DictByType sel = dictByType(nu.ste, Symbols.CELL, Symbols.DEF_COMP_CELL, Symbols.FREE, Symbols.DEF_FREE_CLASS);
        numberSorted(sel.first(), 0, md.cellvars);
        if (nu.ste.needsClassClosure) md.cellvars.add("__class__");
        if (nu.ste.needsClassdict) md.cellvars.add("__classdict__");
        if (nu.ste.hasConditionalAnnotations) md.cellvars.add("__conditional_annotations__");
        numberSorted(sel.second(), md.cellvars.size(), md.freevars);
        md.firstlineno = lineno;
        if (type == ScopeType.CLASS) nu.staticAttributes = new HashSet<>();
        if (u != null) {
            stack.add(u);
            nu.privateName = u.privateName;
        }
        u = nu;
        nestlevel++;
        Location loc = new Location(lineno, lineno, 0, 0);
        if (type == ScopeType.MODULE) {
            loc = new Location(0, lineno, 0, 0);
        } else {
            setQualname();
        }
        if (prologue != null) prologue.run();
        if (GeneratorPreamble.applies(this, ste)) GeneratorPreamble.emit(this, lineno);
        if (version.has(org.jpyc.version.Feature.RESUME)) addOpI(Op.RESUME, RESUME_AT_FUNC_START, loc);
        if (type == ScopeType.MODULE && version.has(org.jpyc.version.Feature.ANNOTATE_FUNCTIONS)) {
            addOp(Op.ANNOTATIONS_PLACEHOLDER, loc);
        }
    }

    /** The names two {@code dictbytype} calls select (null: none), from one scan of the symbols. */
    record DictByType(List<String> first, List<String> second) {}

    /**
     * {@code dictbytype}'s selection for two (scope type, flag) pairs at once: the names of {@code ste}'s
     * symbols whose scope is {@code scopeType1} or that have a {@code flag1} bit, and likewise for the second
     * pair, in symbol order (null where none). {@code dictbytype} (Python/compile.c) is this selection,
     * then {@link #numberSorted}.
     */
    static DictByType dictByType(Scope ste, int scopeType1, int flag1, int scopeType2, int flag2) {
        List<String> first = null, second = null;
        SymbolMap symbols = ste.symbols;
        for (int e = 0, n = symbols.entryCount(); e < n; e++) {
            String k = symbols.keyAt(e);
            if (k == null) continue;
            int vi = symbols.valueAt(e);
            int scope = Symbols.scopeOf(vi);
            if (scope == scopeType1 || (vi & flag1) != 0) {
                if (first == null) first = new ArrayList<>();
                first.add(k);
            }
            if (scope == scopeType2 || (vi & flag2) != 0) {
                if (second == null) second = new ArrayList<>();
                second.add(k);
            }
        }
        return new DictByType(first, second);
    }

    /** The rest of {@code dictbytype}: {@code keys} sorted (as Python sorts str: by code point), numbered from {@code offset} into {@code dest}. */
    private static void numberSorted(List<String> keys, int offset, NameTable dest) {
        if (keys == null) return;
        keys.sort(Codegen::comparePyStr);
        int i = offset;
        for (String k : keys) dest.put(k, i++);
    }

    /** Python's str ordering (by code point), which differs from {@link String#compareTo} beyond the BMP. */
    public static int comparePyStr(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** {@code compiler_set_qualname}. */
    private void setQualname() {
        String base = null;
        if (!stack.isEmpty()) {
            CodegenUnit parent = stack.get(stack.size() - 1);
            if (parent.scopeType == ScopeType.TYPEPARAMS) {
                if (stack.size() == 1) {
                    u.metadata.qualname = u.metadata.name;
                    return;
                }
                parent = stack.get(stack.size() - 2);
            }
            boolean forceGlobal = false;
            if (u.scopeType == ScopeType.FUNCTION || u.scopeType == ScopeType.ASYNC_FUNCTION
                    || u.scopeType == ScopeType.CLASS) {
                String mangled = NameOps.mangle(parent.privateName, u.metadata.name);
                if (parent.ste.scope(mangled) == Symbols.GLOBAL_EXPLICIT) forceGlobal = true;
            }
            if (!forceGlobal) {
                if (parent.scopeType == ScopeType.FUNCTION || parent.scopeType == ScopeType.ASYNC_FUNCTION
                        || parent.scopeType == ScopeType.LAMBDA) {
                    base = parent.metadata.qualname + ".<locals>";
                } else {
                    base = parent.metadata.qualname;
                }
            }
        }
        u.metadata.qualname = base != null ? base + "." + u.metadata.name : u.metadata.name;
    }

    /**
     * 3.15 (magic 3664, "Fix __qualname__ for __annotate__ functions"): a function's {@code __annotate__} just entered
     * is qualified by the function, {@code Outer.f.__annotate__} (3.14: {@code Outer.__annotate__}); a unit named
     * bare by {@link #setQualname} (directly in a module-level type-parameter scope) stays bare.
     */
    void qualifyAnnotateWith(String function) {
        int n = stack.size();
        if (n >= 2 && stack.get(n - 1).scopeType == ScopeType.TYPEPARAMS && stack.get(n - 2).scopeType == ScopeType.MODULE) {
            return;
        }
        String q = u.metadata.qualname;
        String prefix = q.substring(0, q.length() - u.metadata.name.length());
        u.metadata.qualname = prefix + function + "." + u.metadata.name;
    }

    /** {@code optimize_and_assemble} then {@code compiler_exit_scope}: the finished unit's code object. */
    public PyCode exitScope(boolean addNone) {
        try {
            return optimizeAndAssemble(addNone);
        } finally {
            exitScopeOnly();
        }
    }

    /** {@code compiler_exit_scope} alone: drops the current unit (after an error, or once assembled). */
    public void exitScopeOnly() {
        CodegenUnit done = u;
        nestlevel--;
        if (!stack.isEmpty()) {
            u = stack.remove(stack.size() - 1);
            if (saveNestedSeqs) u.instrs.addNested(done.instrs);
        } else {
            u = null;
        }
    }

    /** {@code optimize_and_assemble}: code flags, the return at the end, then the sink. */
    private PyCode optimizeAndAssemble(boolean addNone) {
        int flags = computeCodeFlags();
        addReturnAtEnd(addNone);
        List<String> free = u.metadata.freevars.names();
        PyCode co = sink.finish(u, flags);
        madeCodes.add(co);
        madeCodeFreevars.add(free);
        if (version.has(org.jpyc.version.Feature.MAKE_FUNCTION_QUALNAME_ARG)) {
            // a class body's function is made with the class's plain name (compiler_class)
            madeCodeQualnames.add(u.metadata.qualname == null ? null : u.scopeType == ScopeType.CLASS
                    ? identifier(u.metadata.name) : ClassCodegen.qualnameConst(this, u));
        }
        return co;
    }

    /** {@code add_return_at_end}. */
    private void addReturnAtEnd(boolean addNone) {
        // 3.11: none when the current block already ends with a return (b_return)
        if (!version.has(org.jpyc.version.Feature.RETURN_AT_END_ALWAYS) && endsWithReturn()) return;
        if (addNone) loadConst(PyConst.NONE, Location.NO_LOCATION);
        addOp(Op.RETURN_VALUE, Location.NO_LOCATION);
    }

    /** 3.11's {@code c->u->u_curblock->b_return}: the last instruction is RETURN_VALUE and no block starts after it. */
    private boolean endsWithReturn() {
        InstrSequence seq = u.instrs;
        int n = seq.size();
        return n > 0 && seq.opAt(n - 1) == Op.RETURN_VALUE && !seq.labelBoundAtEnd();
    }

    /** {@code compute_code_flags}. */
    public int computeCodeFlags() {
        Scope ste = u.ste;
        int flags = 0;
        if (ste.isFunctionLike()) {
            flags |= CodeFlags.CO_NEWLOCALS | CodeFlags.CO_OPTIMIZED;
            if (ste.nested) flags |= CodeFlags.CO_NESTED;
            if (ste.generator && !ste.coroutine) flags |= CodeFlags.CO_GENERATOR;
            if (!ste.generator && ste.coroutine) flags |= CodeFlags.CO_COROUTINE;
            if (ste.generator && ste.coroutine) flags |= CodeFlags.CO_ASYNC_GENERATOR;
            if (ste.varargs) flags |= CodeFlags.CO_VARARGS;
            if (ste.varkeywords) flags |= CodeFlags.CO_VARKEYWORDS;
            if (ste.hasDocstring && version.has(org.jpyc.version.Feature.DOCSTRING_CONST_ONLY)) {
                flags |= CodeFlags.CO_HAS_DOCSTRING;
            }
            if (ste.method && version.has(org.jpyc.version.Feature.CO_METHOD_FLAG)) flags |= CodeFlags.CO_METHOD;
        }
        flags |= future.features & CodeFlags.PYCF_MASK;
        if (isTopLevelAwait() && ste.coroutine && !ste.generator) flags |= CodeFlags.CO_COROUTINE;
        return flags;
    }

    /** {@code optimize_and_assemble_code_unit}: the default sink. */
    private PyCode optimizeAndAssembleCodeUnit(CodegenUnit unit, int codeFlags) {
        List<PyObject> consts = new ArrayList<>(unit.metadata.consts());
        int nlocals = unit.metadata.varnames.size();
        int nparams = unit.ste.varnames.size();
        FlowGraph.Result r = FlowGraph.optimizeAndConvert(version, unit.instrs, unit.metadata, consts, mergeOne,
                codeFlags, nlocals, nparams, unit.metadata.firstlineno);
        return Assembler.makeCodeObject(version, unit.metadata, constCache, consts, r.stackdepth(), r.instrs(),
                r.nlocalsplus(), codeFlags, filename);
    }

    /** {@code get_ref_type}. */
    public int refType(String name) {
        if (u.scopeType == ScopeType.CLASS && ("__class__".equals(name) || "__classdict__".equals(name)
                || ("__conditional_annotations__".equals(name) && version.has(org.jpyc.version.Feature.ANNOTATE_FUNCTIONS)))) {
            return Symbols.CELL;
        }
        int scope = u.ste.scope(name);
        if (scope == 0) throw new IllegalStateException("_PyST_GetScope(name=" + name + ") failed: unknown scope in unit "
                + u.metadata.name);
        return scope;
    }

    /** {@code compiler_make_closure}: LOAD_CLOSUREs + BUILD_TUPLE as needed, LOAD_CONST code, MAKE_FUNCTION, SET_FUNCTION_ATTRIBUTE per flag. */
    public void makeClosure(Location loc, PyCode co, int funcflags) {
        List<String> free = freevarsOf(co);
        if (free == null) throw new IllegalStateException("code object " + co + " was not made by this Codegen");
        if (!free.isEmpty()) {
            for (String name : free) {
                int reftype = refType(name);
                int arg = reftype == Symbols.CELL ? u.metadata.cellvars.get(name) : u.metadata.freevars.get(name);
                if (arg < 0) {
                    throw new IllegalStateException("compiler_lookup_arg(name=" + name + ") with reftype=" + reftype
                            + " failed in " + u.metadata.name + "; freevars of code " + co.nameText() + ": " + free);
                }
                addOpI(Op.LOAD_CLOSURE, arg, loc);
            }
            funcflags |= MAKE_FUNCTION_CLOSURE;
            addOpI(Op.BUILD_TUPLE, free.size(), loc);
        }
        loadConst(co, loc);
        // 3.10: MAKE_FUNCTION pops the qualified name
        if (version.has(org.jpyc.version.Feature.MAKE_FUNCTION_QUALNAME_ARG)) loadConst(qualnameConst(co), loc);
        if (!version.has(org.jpyc.version.Feature.SET_FUNCTION_ATTRIBUTE)) {
            // 3.12: one MAKE_FUNCTION takes every attribute, its oparg the flags
            addOpI(Op.MAKE_FUNCTION, funcflags, loc);
            return;
        }
        addOp(Op.MAKE_FUNCTION, loc);
        if ((funcflags & MAKE_FUNCTION_CLOSURE) != 0) addOpI(Op.SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_CLOSURE, loc);
        if ((funcflags & MAKE_FUNCTION_ANNOTATIONS) != 0) addOpI(Op.SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_ANNOTATIONS, loc);
        if ((funcflags & MAKE_FUNCTION_ANNOTATE) != 0) addOpI(Op.SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_ANNOTATE, loc);
        if ((funcflags & MAKE_FUNCTION_KWDEFAULTS) != 0) addOpI(Op.SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_KWDEFAULTS, loc);
        if ((funcflags & MAKE_FUNCTION_DEFAULTS) != 0) addOpI(Op.SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_DEFAULTS, loc);
    }

    /** 3.10's {@code compiler_make_closure} argument {@code qualname}: the unit's qualified name, the unit's name object
     *  (an interned identifier) where {@code compiler_set_qualname} took it as it is, else a new str. */
    private PyObject qualnameConst(PyCode co) {
        for (int i = madeCodes.size() - 1; i >= 0; i--) {
            if (madeCodes.get(i) != co) continue;
            return madeCodeQualnames.get(i);
        }
        throw new IllegalStateException("code object " + co + " was not made by this Codegen");
    }

    /** The free variable names of a code object this Codegen made (its {@code co_freevars}). */
    public List<String> freevarsOf(PyCode co) {
        for (int i = madeCodes.size() - 1; i >= 0; i--) {
            if (madeCodes.get(i) == co) return madeCodeFreevars.get(i);
        }
        return null;
    }

    /** {@code compiler_error}: the SyntaxError CPython raises at {@code loc}. */
    public PyCompileError error(Location loc, String message) {
        return new PyCompileError("SyntaxError", message, loc.lineno(), loc.colOffset() + 1, loc.endLineno(),
                loc.endColOffset() + 1, -1);
    }

    /** {@code compiler_warn}: a SyntaxWarning. py_compile shows warnings but still writes the pyc; only record it. */
    public void warn(Location loc, String message) {
        // intentionally a no-op until a caller needs the text
    }

    /** Whether the current unit is a class body ({@code u_ste->ste_type == ClassBlock}). */
    public boolean inClassBlock() {
        return u.ste.type == BlockType.CLASS;
    }

    /** Arguments of {@code compiler_enter_scope} besides name/type/key/lineno: argcounts and the private name. */
    public record CodeUnitSetup(int argcount, int posonlyargcount, int kwonlyargcount) {
        public static final CodeUnitSetup NONE = new CodeUnitSetup(0, 0, 0);
    }
}
