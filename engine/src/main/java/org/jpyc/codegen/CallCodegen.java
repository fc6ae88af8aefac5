package org.jpyc.codegen;

import java.util.List;
import org.jpyc.ast.Attribute;
import org.jpyc.ast.Call;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.Keyword;
import org.jpyc.ast.Name;
import org.jpyc.ast.Starred;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyTuple;
import org.jpyc.symtable.Symbols;

/**
 * Calls (Python/compile.c of 3.13): {@code compiler_call}, {@code maybe_optimize_method_call},
 * {@code can_optimize_super_call}, {@code load_args_for_super}, {@code validate_keywords},
 * {@code compiler_call_helper}, {@code compiler_subkwargs} and
 * {@code compiler_call_simple_kw_helper}.
 */
public final class CallCodegen {
    private CallCodegen() {}

    private static final int STACK_USE_GUIDELINE = ExprCodegen.STACK_USE_GUIDELINE;

    /** {@code compiler_call}: a method call if it can be one, else the callable, NULL and the arguments. */
    static void call(Codegen c, Call e) {
        if (!c.version.has(org.jpyc.version.Feature.CALL_OPCODE)) {
            // 3.10: no NULL; compiler_call_helper validates the keywords
            if (maybeOptimizeMethodCall(c, e)) return;
            Warnings.checkCaller(c, e.func());
            c.visitExpr(e.func());
            callHelper(c, Location.of(e), 0, e.args(), e.keywords());
            return;
        }
        if (!e.keywords().isEmpty()) validateKeywords(c, e.keywords(), Location.of(e));
        if (maybeOptimizeMethodCall(c, e)) return;
        Warnings.checkCaller(c, e.func());
        if (!c.version.has(org.jpyc.version.Feature.PUSH_NULL_AFTER_CALLABLE)) {
            // 3.12: NULL below the callable
            c.addOp(Op.PUSH_NULL, Location.of(e.func()));
            c.visitExpr(e.func());
            callHelperValidated(c, Location.of(e), 0, e.args(), e.keywords());
            return;
        }
        c.visitExpr(e.func());
        if (c.version.has(org.jpyc.version.Feature.BUILTIN_GENEXP_CALLS)) {
            int skipNormalCall = c.newLabel();
            maybeOptimizeFunctionCall(c, e, skipNormalCall);
            c.addOp(Op.PUSH_NULL, Location.of(e.func()));
            callHelperValidated(c, Location.of(e), 0, e.args(), e.keywords());
            c.useLabel(skipNormalCall);
            return;
        }
        c.addOp(Op.PUSH_NULL, Location.of(e.func()));
        callHelperValidated(c, Location.of(e), 0, e.args(), e.keywords());
    }

    /**
     * {@code maybe_optimize_function_call} (Python/codegen.c 3.14, 3.15): {@code all(genexp)}, {@code any(genexp)} and
     * {@code tuple(genexp)} (3.15: also {@code list(genexp)} and {@code set(genexp)}), with the callee on the stack,
     * test that it is the builtin and if so run the generator in a loop here, jumping to {@code end} with the result;
     * otherwise fall through to the normal call.
     */
    private static void maybeOptimizeFunctionCall(Codegen c, Call e, int end) {
        if (!(e.func() instanceof org.jpyc.ast.Name f && e.args().size() == 1 && e.keywords().isEmpty()
                && e.args().get(0) instanceof org.jpyc.ast.GeneratorExp genexp)) {
            return;
        }
        // 3.15: an asynchronous generator expression is called normally
        if (c.version.has(org.jpyc.version.Feature.BUILTIN_CALLS_SKIP_ASYNC_GENEXP)) {
            org.jpyc.symtable.Scope ste = c.st.lookup(genexp);
            if (ste != null && ste.coroutine) return;
        }
        Location loc = Location.of(f);
        int skip = c.newLabel();
        String builtin = f.id();
        boolean listOrSet = c.version.has(org.jpyc.version.Feature.LIST_SET_GENEXP_CALLS)
                && (builtin.equals("list") || builtin.equals("set"));
        boolean isTuple = builtin.equals("tuple");
        // tuple, list and set collect the items (tuple into a list it converts)
        boolean collect = isTuple || listOrSet;
        if (collect || builtin.equals("all") || builtin.equals("any")) {
            boolean all = builtin.equals("all");
            // 3.15 (virtual iterators): the generator is an iterator without GET_ITER, its second stack item a NULL
            boolean virtualIterators = c.version.has(org.jpyc.version.Feature.VIRTUAL_ITERATORS);
            c.addOpI(Op.COPY, 1, loc);
            c.addOpI(Op.LOAD_COMMON_CONSTANT, c.commonConstant(builtin), loc);
            c.addOpI(Op.IS_OP, 0, loc);
            c.addJump(Op.POP_JUMP_IF_FALSE, skip, loc);
            c.addOp(Op.POP_TOP, loc);
            if (collect) c.addOpI(builtin.equals("set") ? Op.BUILD_SET : Op.BUILD_LIST, 0, loc);
            c.visitExpr(genexp);
            if (virtualIterators) c.addOp(Op.PUSH_NULL, loc);
            int loop = c.newLabel();
            int cleanup = c.newLabel();
            c.useLabel(loop);
            c.addJump(Op.FOR_ITER, cleanup, loc);
            if (collect) {
                c.addOpI(builtin.equals("set") ? Op.SET_ADD : Op.LIST_APPEND, virtualIterators ? 3 : 2, loc);
                c.addJump(Op.JUMP, loop, loc);
            } else {
                c.addOp(Op.TO_BOOL, loc);
                c.addJump(all ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, loop, loc);
            }
            c.addOp(Op.POP_ITER, Location.NO_LOCATION);
            if (!collect) c.loadConst(PyConst.bool(!all), loc);
            c.addJump(Op.JUMP, end, loc);
            c.useLabel(cleanup);
            c.addOp(Op.END_FOR, Location.NO_LOCATION);
            c.addOp(Op.POP_ITER, Location.NO_LOCATION);
            if (isTuple) {
                c.addIntrinsic1("INTRINSIC_LIST_TO_TUPLE", Op.LIST_TO_TUPLE, loc);
            } else if (!collect) {
                c.loadConst(PyConst.bool(all), loc);
            }
            c.addJump(Op.JUMP, end, loc);
        }
        c.useLabel(skip);
    }

    /** {@code is_import_originated}: a Name the module scope binds by an import. */
    private static boolean isImportOriginated(Codegen c, ExprNode e) {
        return e instanceof Name n && (c.st.top.symbol(n.id()) & Symbols.DEF_IMPORT) != 0;
    }

    /**
     * {@code maybe_optimize_method_call}: {@code obj.meth(args, kw=...)} without star arguments and
     * within the stack guideline is LOAD_ATTR with the method bit (or LOAD_SUPER_ATTR) then CALL or
     * CALL_KW. Returns whether it emitted the call.
     */
    private static boolean maybeOptimizeMethodCall(Codegen c, Call e) {
        if (!(e.func() instanceof Attribute meth) || meth.ctx() != ExprContextNode.Load) return false;
        List<ExprNode> args = e.args();
        List<Keyword> kwds = e.keywords();
        // 3.10: keyword arguments are never a method call, and an imported module's attribute may be one
        boolean v310 = !c.version.has(org.jpyc.version.Feature.CALL_OPCODE);
        if (v310 && !kwds.isEmpty()) return false;
        if (!v310 && isImportOriginated(c, meth.value())) return false;
        int argsl = args.size();
        int kwdsl = kwds.size();
        if (argsl + kwdsl + (kwdsl != 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
        // indexed loops: an iterator is an allocation per call under C1 (no escape analysis)
        for (int i = 0; i < argsl; i++) if (args.get(i) instanceof Starred) return false;
        for (int i = 0; i < kwdsl; i++) if (kwds.get(i).arg() == null) return false;

        Location loc = Location.of(meth);
        if (canOptimizeSuperCall(c, meth)) {
            Call sup = (Call) meth.value();
            loadArgsForSuper(c, sup);
            c.addOpName(sup.args().isEmpty() ? Op.LOAD_ZERO_SUPER_METHOD : Op.LOAD_SUPER_METHOD, meth.attr(), loc);
            loc = ExprCodegen.updateStartLocationToMatchAttr(c, loc, meth);
            c.addOp(Op.NOP, loc);
        } else {
            c.visitExpr(meth.value());
            loc = ExprCodegen.updateStartLocationToMatchAttr(c, loc, meth);
            c.addOpName(Op.LOAD_METHOD, meth.attr(), loc);
        }
        c.visitExprs(args);
        if (kwdsl > 0) {
            for (int i = 0; i < kwdsl; i++) c.visitExpr(kwds.get(i).value());
            Location callLoc = ExprCodegen.updateStartLocationToMatchAttr(c, Location.of(e), meth);
            if (!c.version.has(org.jpyc.version.Feature.CALL_KW)) {
                kwNames(c, loc, kwds);
                c.addCall(argsl + kwdsl, callLoc);
                return true;
            }
            keywordNames(c, loc, kwds);
            c.addOpI(Op.CALL_KW, argsl + kwdsl, callLoc);
        } else {
            c.addMethodCall(argsl, ExprCodegen.updateStartLocationToMatchAttr(c, Location.of(e), meth));
        }
        return true;
    }

    /**
     * {@code can_optimize_super_call}: {@code super().attr} or {@code super(a, b).attr} where
     * {@code super} is certainly the builtin, and for the zero-argument form the function has a
     * first argument and a {@code __class__} cell.
     */
    static boolean canOptimizeSuperCall(Codegen c, Attribute attr) {
        if (!c.version.has(org.jpyc.version.Feature.LOAD_SUPER_ATTR)) return false;
        if (!(attr.value() instanceof Call e) || !(e.func() instanceof Name f) || !f.id().equals("super")
                || attr.attr().equals("__class__") || !e.keywords().isEmpty()) {
            return false;
        }
        if (c.scope().scope("super") != Symbols.GLOBAL_IMPLICIT) return false;
        if (c.st.top.scope("super") != 0) return false;
        int nargs = e.args().size();
        if (nargs == 2) {
            if (e.args().get(0) instanceof Starred || e.args().get(1) instanceof Starred) return false;
            return true;
        }
        if (nargs != 0) return false;
        CodegenUnit u = c.unit();
        if (u.metadata.argcount == 0 && u.metadata.posonlyargcount == 0) return false;
        return c.refType("__class__") == Symbols.FREE;
    }

    /** {@code load_args_for_super}: the global {@code super}, then its two arguments or {@code __class__} and the first argument. */
    static void loadArgsForSuper(Codegen c, Call e) {
        Location loc = Location.of(e);
        Name sup = (Name) e.func();
        c.nameOp(Location.of(sup), sup.id(), ExprContextNode.Load);
        if (e.args().size() == 2) {
            c.visitExpr(e.args().get(0));
            c.visitExpr(e.args().get(1));
            return;
        }
        c.nameOp(loc, "__class__", ExprContextNode.Load);
        String first = c.unit().metadata.varnames.nameAt(0);
        c.nameOp(loc, first, ExprContextNode.Load);
    }

    /** {@code validate_keywords}: no keyword is {@code __debug__} (3.11: reported at {@code inForce}, the call's or
     *  class statement's location, {@code Feature.FORBIDDEN_ARG_AT_OWN_LOCATION}), none is repeated. */
    static void validateKeywords(Codegen c, List<Keyword> keywords, Location inForce) {
        int n = keywords.size();
        for (int i = 0; i < n; i++) {
            Keyword key = keywords.get(i);
            if (key.arg() == null) continue;
            if ("__debug__".equals(key.arg())) {
                Location loc = c.version.has(org.jpyc.version.Feature.FORBIDDEN_ARG_AT_OWN_LOCATION) ? Location.of(key) : inForce;
                c.checkForbiddenName(loc, key.arg(), ExprContextNode.Store);
            }
            for (int j = i + 1; j < n; j++) {
                Keyword other = keywords.get(j);
                if (other.arg() != null && other.arg().equals(key.arg())) {
                    throw c.error(Location.of(other), "keyword argument repeated: " + key.arg());
                }
            }
        }
    }

    /** {@code compiler_call_simple_kw_helper}: the constant tuple of keyword names for CALL_KW. */
    private static void keywordNames(Codegen c, Location loc, List<Keyword> keywords) {
        c.loadConst(nameTuple(c, keywords, 0, keywords.size()), loc);
    }

    /** {@code compiler_call_simple_kw_helper} of 3.12: KW_NAMES with the keyword-name tuple's constant index. */
    private static void kwNames(Codegen c, Location loc, List<Keyword> keywords) {
        c.addOpI(Op.KW_NAMES, c.addConst(nameTuple(c, keywords, 0, keywords.size())), loc);
    }

    private static PyTuple nameTuple(Codegen c, List<Keyword> keywords, int begin, int end) {
        PyObject[] names = new PyObject[end - begin];
        for (int i = begin; i < end; i++) names[i - begin] = c.identifier(keywords.get(i).arg());
        return PyTuple.ofFresh(names);
    }

    /**
     * {@code compiler_call_helper}: the arguments of a call whose callable (and NULL or self) and
     * {@code n} more positional arguments are on the stack: CALL or CALL_KW when there are no
     * {@code *}/{@code **} arguments and the stack guideline holds, else a tuple of positional
     * arguments and a dict of keyword arguments for CALL_FUNCTION_EX. Also used for class bodies.
     * Version seams: 3.12 has KW_NAMES then CALL instead of CALL_KW (3.11 also PRECALL); 3.14
     * pushes NULL for CALL_FUNCTION_EX without keyword arguments.
     */
    public static void callHelper(Codegen c, Location loc, int n, List<ExprNode> args, List<Keyword> keywords) {
        validateKeywords(c, keywords, loc);
        callHelperValidated(c, loc, n, args, keywords);
    }

    /** {@link #callHelper} for keywords already validated ({@code compiler_call} validates them first). */
    private static void callHelperValidated(Codegen c, Location loc, int n, List<ExprNode> args, List<Keyword> keywords) {
        int nelts = args.size();
        int nkwelts = keywords.size();
        if (!needsExCall(args, keywords)) {
            c.visitExprs(args);
            if (nkwelts > 0) {
                for (int i = 0; i < nkwelts; i++) c.visitExpr(keywords.get(i).value());
                if (!c.version.has(org.jpyc.version.Feature.CALL_OPCODE)) {
                    // 3.10: the names tuple on the stack, CALL_FUNCTION_KW
                    keywordNames(c, loc, keywords);
                    c.addOpI(Op.CALL_FUNCTION_KW, n + nelts + nkwelts, loc);
                    return;
                }
                if (!c.version.has(org.jpyc.version.Feature.CALL_KW)) {
                    kwNames(c, loc, keywords);
                    c.addCall(n + nelts + nkwelts, loc);
                    return;
                }
                keywordNames(c, loc, keywords);
                c.addOpI(Op.CALL_KW, n + nelts + nkwelts, loc);
            } else {
                c.addCall(n + nelts, loc);
            }
            return;
        }
        if (n == 0 && nelts == 1 && args.get(0) instanceof Starred s) {
            c.visitExpr(s.value());
        } else {
            CollectionCodegen.starUnpack(c, loc, args, n, CollectionCodegen.Kind.LIST, true);
        }
        if (nkwelts > 0) {
            boolean haveDict = false;
            int nseen = 0;
            for (int i = 0; i < nkwelts; i++) {
                Keyword kw = keywords.get(i);
                if (kw.arg() != null) {
                    nseen++;
                    continue;
                }
                if (nseen > 0) {
                    subkwargs(c, loc, keywords, i - nseen, i);
                    if (haveDict) c.addOpI(Op.DICT_MERGE, 1, loc);
                    haveDict = true;
                    nseen = 0;
                }
                if (!haveDict) {
                    c.addOpI(Op.BUILD_MAP, 0, loc);
                    haveDict = true;
                }
                c.visitExpr(kw.value());
                c.addOpI(Op.DICT_MERGE, 1, loc);
            }
            if (nseen > 0) {
                subkwargs(c, loc, keywords, nkwelts - nseen, nkwelts);
                if (haveDict) c.addOpI(Op.DICT_MERGE, 1, loc);
            }
        }
        if (c.version.has(org.jpyc.version.Feature.CALL_FUNCTION_EX_KWARGS_SLOT)) {
            if (nkwelts == 0) c.addOp(Op.PUSH_NULL, loc);
            c.addOp(Op.CALL_FUNCTION_EX, loc);
        } else {
            c.addOpI(Op.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0, loc);
        }
    }

    /** The {@code goto ex_call} conditions of {@code compiler_call_helper}. */
    private static boolean needsExCall(List<ExprNode> args, List<Keyword> keywords) {
        if (args.size() + keywords.size() * 2 > STACK_USE_GUIDELINE) return true;
        for (int i = 0, n = args.size(); i < n; i++) if (args.get(i) instanceof Starred) return true;
        for (int i = 0, n = keywords.size(); i < n; i++) if (keywords.get(i).arg() == null) return true;
        return false;
    }

    /**
     * {@code compiler_subkwargs}: a dict of keyword arguments {@code begin..end}: BUILD_CONST_KEY_MAP
     * for several within the guideline, else BUILD_MAP (past the guideline built item by item).
     */
    private static void subkwargs(Codegen c, Location loc, List<Keyword> keywords, int begin, int end) {
        int n = end - begin;
        boolean big = n * 2 > STACK_USE_GUIDELINE;
        if (n > 1 && !big && !c.version.has(org.jpyc.version.Feature.NO_CONST_KEY_MAP)) {
            for (int i = begin; i < end; i++) c.visitExpr(keywords.get(i).value());
            c.loadConst(nameTuple(c, keywords, begin, end), loc);
            c.addOpI(Op.BUILD_CONST_KEY_MAP, n, loc);
            return;
        }
        if (big) c.addOpI(Op.BUILD_MAP, 0, Location.NO_LOCATION);
        for (int i = begin; i < end; i++) {
            Keyword kw = keywords.get(i);
            c.loadConst(c.identifier(kw.arg()), loc);
            c.visitExpr(kw.value());
            if (big) c.addOpI(Op.MAP_ADD, 1, Location.NO_LOCATION);
        }
        if (!big) c.addOpI(Op.BUILD_MAP, n, loc);
    }
}
