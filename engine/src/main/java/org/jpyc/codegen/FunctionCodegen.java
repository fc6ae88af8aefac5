package org.jpyc.codegen;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.ast.Arg;
import org.jpyc.ast.Arguments;
import org.jpyc.ast.AsyncFunctionDef;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.FunctionDef;
import org.jpyc.ast.Lambda;
import org.jpyc.ast.Starred;
import org.jpyc.ast.StmtNode;
import org.jpyc.ast.TypeParamNode;
import org.jpyc.instrseq.CodeFlags;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.symtable.Scope;

/**
 * Functions and lambdas (Python/compile.c of 3.13: {@code compiler_function}, {@code compiler_function_body},
 * {@code compiler_lambda}, defaults, annotations, decorators). Classes are {@link ClassCodegen}, type
 * parameters and type aliases {@link TypeParamsCodegen}; their entry points are here too.
 */
public final class FunctionCodegen {
    private FunctionCodegen() {}

    /** A FunctionDef or AsyncFunctionDef, whose fields are the same. */
    record Def(StmtNode node, String name, Arguments args, List<StmtNode> body, List<ExprNode> decorators,
               ExprNode returns, List<TypeParamNode> typeParams, boolean isAsync) {
        static Def of(FunctionDef f) {
            return new Def(f, f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), f.typeParams(), false);
        }

        static Def of(AsyncFunctionDef f) {
            return new Def(f, f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), f.typeParams(), true);
        }
    }

    /** {@code compiler_function(c, s, 0)}. */
    public static void visitFunction(Codegen c, FunctionDef s) {
        function(c, Def.of(s));
    }

    /** {@code compiler_function(c, s, 1)}. */
    public static void visitAsyncFunction(Codegen c, AsyncFunctionDef s) {
        function(c, Def.of(s));
    }

    /** {@code compiler_class}. */
    public static void visitClass(Codegen c, org.jpyc.ast.ClassDef s) {
        ClassCodegen.visitClass(c, s);
    }

    /** {@code compiler_typealias}. */
    public static void visitTypeAlias(Codegen c, org.jpyc.ast.TypeAlias s) {
        TypeParamsCodegen.visitTypeAlias(c, s);
    }

    /** {@code compiler_decorators}: evaluates the decorators, first to last. */
    static void decorators(Codegen c, List<ExprNode> decos) {
        c.visitExprs(decos);
    }

    /** {@code compiler_apply_decorators}: one CALL 0 per decorator, innermost first, at the decorator's location
     *  (3.10: CALL_FUNCTION 1 at the definition's, {@code Feature.DECORATOR_CALL_AT_DECORATOR}). */
    static void applyDecorators(Codegen c, List<ExprNode> decos, Location stmt) {
        if (decos == null) return;
        boolean atDecorator = c.version.has(org.jpyc.version.Feature.DECORATOR_CALL_AT_DECORATOR);
        for (int i = decos.size() - 1; i >= 0; i--) c.addCallSelfArg(0, atDecorator ? Location.of(decos.get(i)) : stmt);
    }

    /** The line a def or class starts on: its first decorator's, if any. */
    static int firstLineno(StmtNode s, List<ExprNode> decos) {
        return decos != null && !decos.isEmpty() ? decos.get(0).lineno() : s.lineno();
    }

    /** {@code compiler_check_debug_args}: no parameter may be named {@code __debug__}; 3.11 reports it at
     *  {@code inForce}, the def's or lambda's location ({@code Feature.FORBIDDEN_ARG_AT_OWN_LOCATION}). */
    static void checkDebugArgs(Codegen c, Arguments args, org.jpyc.ast.Located inForce) {
        checkDebugArgs(c, args.posonlyargs(), inForce);
        checkDebugArgs(c, args.args(), inForce);
        checkDebugArg(c, args.vararg(), inForce);
        checkDebugArgs(c, args.kwonlyargs(), inForce);
        checkDebugArg(c, args.kwarg(), inForce);
    }

    private static void checkDebugArgs(Codegen c, List<Arg> args, org.jpyc.ast.Located inForce) {
        if (args != null) for (int i = 0, n = args.size(); i < n; i++) checkDebugArg(c, args.get(i), inForce);
    }

    private static void checkDebugArg(Codegen c, Arg a, org.jpyc.ast.Located inForce) {
        // the location is made only for the name that raises
        if (a != null && Codegen.isDebugName(a.arg())) {
            Location loc = c.version.has(org.jpyc.version.Feature.FORBIDDEN_ARG_AT_OWN_LOCATION) ? Location.of(a) : Location.of(inForce);
            c.checkForbiddenName(loc, a.arg(), ExprContextNode.Store);
        }
    }

    /** {@code compiler_visit_kwonlydefaults}: pushes a dict of keyword-only defaults; whether one was pushed. */
    static boolean kwonlyDefaults(Codegen c, Location loc, List<Arg> kwonlyargs, List<ExprNode> kwDefaults) {
        List<PyObject> keys = null;
        boolean pairs = c.version.has(org.jpyc.version.Feature.NO_CONST_KEY_MAP);
        for (int i = 0; i < kwonlyargs.size(); i++) {
            ExprNode dflt = kwDefaults.get(i);
            if (dflt != null) {
                if (keys == null) keys = new ArrayList<>();
                keys.add(c.mangledNameConst(kwonlyargs.get(i).arg()));
                // 3.14 (codegen_kwonlydefaults): each name then its value, for BUILD_MAP
                if (pairs) c.loadConst(keys.get(keys.size() - 1), loc);
                c.visitExpr(dflt);
            }
        }
        if (keys == null) return false;
        if (pairs) {
            c.addOpI(Op.BUILD_MAP, keys.size(), loc);
            return true;
        }
        c.loadConst(new PyTuple(keys), loc);
        c.addOpI(Op.BUILD_CONST_KEY_MAP, keys.size(), loc);
        return true;
    }

    /** {@code compiler_visit_annexpr}: under {@code from __future__ import annotations}, the annotation's source text. */
    public static void visitAnnExpr(Codegen c, ExprNode annotation) {
        visitAnnExpr(c, annotation, Location.of(annotation));
    }

    /** {@code compiler_visit_annexpr}: in 3.11 at the location in force {@code current}, the statement's or the
     *  argument annotation's caller's ({@code Feature.ANN_EXPR_POP_AT_EXPR}); from 3.12 at the annotation's. */
    public static void visitAnnExpr(Codegen c, ExprNode annotation, Location current) {
        Location loc = c.version.has(org.jpyc.version.Feature.ANN_EXPR_POP_AT_EXPR) ? Location.of(annotation) : current;
        c.loadConst(PyStr.of(AnnotationUnparser.exprAsUnicode(annotation), false), loc);
        if (c.version.has(org.jpyc.version.Feature.UNPARSE_INTERNS_BRACES)) {
            // maybe_init_static_strings: the unparser's own strs, interned and kept for the rest of the process
            for (String t : UNPARSER_STATIC_STRS) c.constCache.interned().internRuntimeHeld(t);
        }
    }

    /** The strs ast_unparse.c 3.10 interns on its first use ({@link org.jpyc.version.Feature#UNPARSE_INTERNS_BRACES}). */
    private static final String[] UNPARSER_STATIC_STRS = {"{", "{{", "}", "}}"};

    /** {@code compiler_visit_argannotation}; returns how many items it pushed (0 or 2). */
    private static int argAnnotation(Codegen c, String id, ExprNode annotation, Location loc) {
        if (annotation == null) return 0;
        c.loadConst(c.mangledNameConst(id), loc);
        if ((c.future.features & CodeFlags.CO_FUTURE_ANNOTATIONS) != 0) {
            visitAnnExpr(c, annotation, loc);
        } else if (annotation instanceof Starred st) {
            c.visitExpr(st.value());
            c.addOpI(Op.UNPACK_SEQUENCE, 1, loc);
        } else {
            c.visitExpr(annotation);
        }
        return 2;
    }

    private static int argAnnotations(Codegen c, List<Arg> args, Location loc) {
        int n = 0;
        if (args != null) {
            for (int i = 0, size = args.size(); i < size; i++) {
                Arg a = args.get(i);
                n += argAnnotation(c, a.arg(), a.annotation(), loc);
            }
        }
        return n;
    }

    /** {@code compiler_visit_annotations}: pushes a tuple of (name, annotation) pairs; whether one was pushed. */
    static boolean annotations(Codegen c, Location loc, Arguments args, ExprNode returns) {
        int len = argAnnotations(c, args.args(), loc);
        len += argAnnotations(c, args.posonlyargs(), loc);
        if (args.vararg() != null && args.vararg().annotation() != null) {
            len += argAnnotation(c, args.vararg().arg(), args.vararg().annotation(), loc);
        }
        len += argAnnotations(c, args.kwonlyargs(), loc);
        if (args.kwarg() != null && args.kwarg().annotation() != null) {
            len += argAnnotation(c, args.kwarg().arg(), args.kwarg().annotation(), loc);
        }
        len += argAnnotation(c, "return", returns, loc);
        if (len == 0) return false;
        c.addOpI(Op.BUILD_TUPLE, len, loc);
        return true;
    }

    /** {@code compiler_default_arguments}: pushes defaults and keyword-only defaults; the MAKE_FUNCTION flags. */
    static int defaultArguments(Codegen c, Location loc, Arguments args) {
        int funcflags = 0;
        if (args.defaults() != null && !args.defaults().isEmpty()) {
            c.visitExprs(args.defaults());
            c.addOpI(Op.BUILD_TUPLE, args.defaults().size(), loc);
            funcflags |= Codegen.MAKE_FUNCTION_DEFAULTS;
        }
        if (args.kwonlyargs() != null && kwonlyDefaults(c, loc, args.kwonlyargs(), args.kwDefaults())) {
            funcflags |= Codegen.MAKE_FUNCTION_KWDEFAULTS;
        }
        return funcflags;
    }

    private static Codegen.CodeUnitSetup argcounts(Arguments args) {
        return new Codegen.CodeUnitSetup(size(args.args()), size(args.posonlyargs()), size(args.kwonlyargs()));
    }

    static int size(List<?> l) {
        return l == null ? 0 : l.size();
    }

    /** {@code compiler_function_body}: the function's own unit, then its closure. */
    private static void functionBody(Codegen c, Def d, int funcflags, int firstlineno) {
        c.enterScope(d.name(), d.isAsync() ? ScopeType.ASYNC_FUNCTION : ScopeType.FUNCTION, d.node(), firstlineno,
                Codegen.CodeUnitSetup.NONE);
        int first = 0;
        PyStr doc = ModuleCodegen.docString(d.body());
        // 3.12 (compiler_function_body): under -OO the docstring is an ordinary expression statement
        if (doc != null && c.optimize >= 2 && !c.version.has(org.jpyc.version.Feature.OO_DOCSTRING_SKIPPED)) doc = null;
        PyObject docConst = PyConst.NONE;
        if (doc != null) {
            first = 1;
            if (c.optimize < 2) docConst = ModuleCodegen.docConst(c, doc);
        }
        // 3.14 (codegen_function_body): co_consts[0] is the docstring only when there is one
        if (!c.version.has(org.jpyc.version.Feature.DOCSTRING_CONST_ONLY) || c.scope().hasDocstring) c.addConst(docConst);
        Codegen.CodeUnitSetup counts = argcounts(d.args());
        c.unit().metadata.argcount = counts.argcount();
        c.unit().metadata.posonlyargcount = counts.posonlyargcount();
        c.unit().metadata.kwonlyargcount = counts.kwonlyargcount();
        // 3.12 (compiler_function): no start label, no STOP_ITERATION frame block; the body shares RESUME's block
        boolean startBlock = c.version.has(org.jpyc.version.Feature.FUNCTION_BODY_START_LABEL);
        int start = startBlock ? c.newLabel() : -1;
        if (startBlock) c.useLabel(start);
        // 3.11: no handler (Feature.STOPITERATION_HANDLER)
        boolean stopIterationHandler = (c.scope().coroutine || c.scope().generator)
                && c.version.has(org.jpyc.version.Feature.STOPITERATION_HANDLER);
        if (stopIterationHandler && startBlock) {
            c.pushFBlock(Location.NO_LOCATION, FBlockType.STOP_ITERATION, start, -1, null);
        }
        for (int i = first; i < d.body().size(); i++) c.visitStmt(d.body().get(i));
        if (stopIterationHandler) {
            c.wrapInStopIterationHandler();
            if (startBlock) c.popFBlock(FBlockType.STOP_ITERATION, start);
        }
        PyCode co = c.exitScope(true);
        c.makeClosure(Location.of(d.node()), co, funcflags);
    }

    /** {@code compiler_function}. */
    static void function(Codegen c, Def d) {
        checkDebugArgs(c, d.args(), d.node());
        decorators(c, d.decorators());
        int firstlineno = firstLineno(d.node(), d.decorators());
        Location loc = Location.of(d.node());
        boolean generic = d.typeParams() != null && !d.typeParams().isEmpty();
        // 3.12: the generic parameters function's NULL is pushed before the defaults
        boolean nullFirst = generic && !c.version.has(org.jpyc.version.Feature.PUSH_NULL_AFTER_CALLABLE);
        if (nullFirst) c.addOp(Op.PUSH_NULL, loc);
        int funcflags = defaultArguments(c, loc, d.args());
        int numTypeparamArgs = 0;
        if (generic) {
            if ((funcflags & Codegen.MAKE_FUNCTION_DEFAULTS) != 0) numTypeparamArgs++;
            if ((funcflags & Codegen.MAKE_FUNCTION_KWDEFAULTS) != 0) numTypeparamArgs++;
            if (numTypeparamArgs == 2) c.addOpI(Op.SWAP, 2, loc);
            Scope tps = c.st.lookupTypeParams(d.node());
            c.enterScope("<generic parameters of " + d.name() + ">", ScopeType.TYPEPARAMS, tps, firstlineno,
                    Codegen.CodeUnitSetup.NONE);
            TypeParamsCodegen.typeParams(c, d.typeParams());
            for (int i = 0; i < numTypeparamArgs; i++) c.addOpI(Op.LOAD_FAST, i, loc);
        }
        if (AnnotateFunctions.on(c)) {
            funcflags |= AnnotateFunctions.functionAnnotations(c, loc, d.name(), d.args(), d.returns());
        } else if (annotations(c, loc, d.args(), d.returns())) {
            funcflags |= Codegen.MAKE_FUNCTION_ANNOTATIONS;
        }
        functionBody(c, d, funcflags, firstlineno);
        if (generic) {
            c.addOpI(Op.SWAP, 2, loc);
            c.addOpI(Op.CALL_INTRINSIC_2, c.intrinsic2("INTRINSIC_SET_FUNCTION_TYPE_PARAMS"), loc);
            c.unit().metadata.argcount = numTypeparamArgs;
            PyCode co = c.exitScope(false);
            c.makeClosure(loc, co, 0);
            if (nullFirst) {
                if (numTypeparamArgs > 0) c.addOpI(Op.SWAP, numTypeparamArgs + 1, loc);
                c.addCall(numTypeparamArgs, loc);
            } else if (numTypeparamArgs > 0) {
                c.addOpI(Op.SWAP, numTypeparamArgs + 1, loc);
                c.addCall(numTypeparamArgs - 1, loc);
            } else {
                c.addOp(Op.PUSH_NULL, loc);
                c.addCall(0, loc);
            }
        }
        applyDecorators(c, d.decorators(), loc);
        c.nameOp(loc, d.name(), ExprContextNode.Store);
    }

    /** {@code compiler_lambda}. */
    public static void visitLambda(Codegen c, Lambda e) {
        Arguments args = e.args();
        checkDebugArgs(c, args, e);
        Location loc = Location.of(e);
        int funcflags = defaultArguments(c, loc, args);
        c.enterScope("<lambda>", ScopeType.LAMBDA, e, e.lineno(), argcounts(args));
        if (!c.version.has(org.jpyc.version.Feature.DOCSTRING_CONST_ONLY)) c.addConst(PyConst.NONE);
        c.visitExpr(e.body());
        boolean generator = c.scope().generator;
        if (!generator) {
            // 3.12: the return has the lambda's line and columns 0, 0
            // 3.10: line 0, the scope's initial u_lineno, which the line table never notes
            Location at = c.version.has(org.jpyc.version.Feature.LAMBDA_RETURN_AT_BODY) ? Location.of(e.body())
                    : c.version.has(org.jpyc.version.Feature.LAMBDA_RETURN_LINE_ZERO) ? new Location(0, 0, 0, 0)
                    : new Location(e.lineno(), e.lineno(), 0, 0);
            c.addOp(Op.RETURN_VALUE, at);
        }
        PyCode co = c.exitScope(!generator);
        c.makeClosure(loc, co, funcflags);
    }
}
