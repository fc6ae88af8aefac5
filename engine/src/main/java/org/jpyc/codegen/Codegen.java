package org.jpyc.codegen;

import java.util.List;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.ModNode;
import org.jpyc.ast.StmtNode;
import org.jpyc.instrseq.ConstCache;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.instrseq.OpTable;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.source.PyCompileError;
import org.jpyc.symtable.FutureFeatures;
import org.jpyc.symtable.Scope;
import org.jpyc.symtable.SymbolTable;
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
 */
public final class Codegen {
    public final PyVersion version;
    public final OpTable ops;
    public final SymbolTable st;
    public final FutureFeatures future;
    public final ConstCache constCache;
    /** {@code c_optimize}: 0, 1 (-O) or 2 (-OO). */
    public final int optimize;
    public final String filename;

    public Codegen(PyVersion version, SymbolTable st, FutureFeatures future, int optimize, String filename) {
        this.version = version;
        this.ops = OpTable.of(version);
        this.st = st;
        this.future = future;
        this.constCache = new ConstCache();
        this.optimize = optimize;
        this.filename = filename;
    }

    /** {@code compiler_mod}: the module's code object, nested code objects in its constants. */
    public PyCode compileModule(ModNode mod) {
        throw todo("compileModule");
    }

    // ---- the current unit ----

    /** The unit being compiled ({@code c->u}). */
    public CodegenUnit unit() {
        throw todo("unit");
    }

    /** The current unit's symbol table entry ({@code c->u->u_ste}). */
    public Scope scope() {
        return unit().ste;
    }

    // ---- emitting (codegen_addop_*; ADDOP, ADDOP_I, ADDOP_JUMP, ADDOP_LOAD_CONST, ADDOP_NAME, ...) ----

    /** {@code ADDOP}: an instruction without argument (oparg 0). */
    public void addOp(Op op, Location loc) {
        throw todo("addOp");
    }

    /** {@code ADDOP_I}. */
    public void addOpI(Op op, int oparg, Location loc) {
        throw todo("addOpI");
    }

    /** {@code ADDOP_JUMP}: a jump (or SETUP_* pseudo op) to a label. */
    public void addJump(Op op, int label, Location loc) {
        throw todo("addJump");
    }

    /** {@code NEW_JUMP_TARGET_LABEL}. */
    public int newLabel() {
        throw todo("newLabel");
    }

    /** {@code USE_LABEL}. */
    public void useLabel(int label) {
        throw todo("useLabel");
    }

    /** {@code compiler_add_const}: merges {@code o} through the const cache and returns its index in co_consts. */
    public int addConst(PyObject o) {
        throw todo("addConst");
    }

    /** {@code ADDOP_LOAD_CONST}. */
    public void loadConst(PyObject o, Location loc) {
        throw todo("loadConst");
    }

    /** {@code ADDOP_LOAD_CONST_NEW} is the same in Java. {@code ADDOP_N}/{@code ADDOP_O} with a const: {@code addOpI(op, addConst(o))}. */

    /**
     * {@code ADDOP_NAME} ({@code compiler_addop_name}): mangles {@code name}, adds it to {@code u_names},
     * and encodes the oparg as 3.13 does for LOAD_ATTR/LOAD_METHOD (index << 1, method bit),
     * LOAD_SUPER_ATTR/LOAD_SUPER_METHOD/LOAD_ZERO_SUPER_* (index << 2 and bits), LOAD_GLOBAL handled by nameOp.
     */
    public void addOpName(Op op, String name, Location loc) {
        throw todo("addOpName");
    }

    /** {@code ADDOP_N(... names)} without mangling ({@code compiler_addop_o} on u_names): IMPORT_NAME, IMPORT_FROM. */
    public void addOpNameUnmangled(Op op, String name, Location loc) {
        throw todo("addOpNameUnmangled");
    }

    /** {@code ADDOP_BINARY}/{@code ADDOP_INPLACE} ({@code addop_binary}): BINARY_OP with the NB_* oparg of {@code op}. */
    public void addBinary(org.jpyc.ast.OperatorNode op, boolean inplace, Location loc) {
        throw todo("addBinary");
    }

    /** {@code ADDOP_YIELD} ({@code addop_yield}). */
    public void addYield(Location loc) {
        throw todo("addYield");
    }

    /** {@code compiler_add_yield_from}. */
    public void addYieldFrom(Location loc, boolean await) {
        throw todo("addYieldFrom");
    }

    // ---- visiting ----

    /** {@code VISIT(c, expr, e)} ({@code compiler_visit_expr}). */
    public void visitExpr(ExprNode e) {
        throw todo("visitExpr");
    }

    /** {@code VISIT(c, stmt, s)} ({@code compiler_visit_stmt}). */
    public void visitStmt(StmtNode s) {
        throw todo("visitStmt");
    }

    /** {@code VISIT_SEQ(c, stmt, body)}. */
    public void visitStmts(List<StmtNode> body) {
        for (StmtNode s : body) visitStmt(s);
    }

    /** {@code compiler_jump_if}: jump to {@code label} if {@code e} is (cond) true, short-circuiting. */
    public void jumpIf(Location loc, ExprNode e, int label, boolean cond) {
        throw todo("jumpIf");
    }

    /** {@code compiler_nameop}: LOAD/STORE/DELETE of a name in the right scope (FAST, DEREF, GLOBAL, NAME, ...). */
    public void nameOp(Location loc, String name, ExprContextNode ctx) {
        throw todo("nameOp");
    }

    /** {@code _Py_MaybeMangle(c->u->u_private, c->u->u_ste, name)}. */
    public String mangle(String name) {
        throw todo("mangle");
    }

    // ---- frame blocks ----

    /** {@code compiler_push_fblock}; raises "too many statically nested blocks" past CO_MAXBLOCKS. */
    public void pushFBlock(Location loc, FBlockType type, int block, int exit, Object datum) {
        throw todo("pushFBlock");
    }

    /** {@code compiler_pop_fblock}. */
    public void popFBlock(FBlockType type, int block) {
        throw todo("popFBlock");
    }

    /** The innermost frame block, or null. */
    public FBlock topFBlock() {
        throw todo("topFBlock");
    }

    /**
     * {@code compiler_unwind_fblock_stack}: emits the cleanup of every frame block up to (not including)
     * the innermost loop when {@code stopAtLoop}; returns that loop block (or null). {@code loc[0]} may be
     * replaced by NO_LOCATION as CPython does.
     */
    public FBlock unwindFBlockStack(Location[] loc, boolean preserveTos, boolean stopAtLoop) {
        throw todo("unwindFBlockStack");
    }

    /** {@code compiler_pop_except_and_reraise}. */
    public void popExceptAndReraise(Location loc) {
        throw todo("popExceptAndReraise");
    }

    /** {@code compiler_call_exit_with_nones}. */
    public void callExitWithNones(Location loc) {
        throw todo("callExitWithNones");
    }

    // ---- scopes ----

    /** {@code compiler_enter_scope}: a new unit for the scope opened by {@code key}. */
    public void enterScope(String name, ScopeType type, org.jpyc.ast.Node key, int lineno, CodeUnitSetup setup) {
        throw todo("enterScope");
    }

    /** {@code optimize_and_assemble} then {@code compiler_exit_scope}: the finished unit's code object. */
    public PyCode exitScope(boolean addNone) {
        throw todo("exitScope");
    }

    /** {@code compiler_make_closure}: LOAD_CLOSUREs + BUILD_TUPLE as needed, LOAD_CONST code, MAKE_FUNCTION, SET_FUNCTION_ATTRIBUTE per flag. */
    public void makeClosure(Location loc, PyCode co, int funcflags) {
        throw todo("makeClosure");
    }

    /** {@code compiler_error}: the SyntaxError CPython raises at {@code loc}. */
    public PyCompileError error(Location loc, String message) {
        throw todo("error");
    }

    /** {@code compiler_warn}: a SyntaxWarning. py_compile shows warnings but still writes the pyc; only record it. */
    public void warn(Location loc, String message) {
        // intentionally a no-op until a caller needs the text
    }

    /** Arguments of {@code compiler_enter_scope} besides name/type/key/lineno: argcounts and the private name. */
    public record CodeUnitSetup(int argcount, int posonlyargcount, int kwonlyargcount) {
        public static final CodeUnitSetup NONE = new CodeUnitSetup(0, 0, 0);
    }

    private static UnsupportedOperationException todo(String what) {
        return new UnsupportedOperationException("Codegen." + what + ": to be written");
    }
}
