package org.jpyc.astopt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jpyc.ast.*;
import org.jpyc.instrseq.CodeFlags;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyStr;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.CompilerLimits;
import org.jpyc.version.PyVersion;

/**
 * The walk of ast_opt.c ({@code astfold_mod}, {@code astfold_stmt}, {@code astfold_expr}, ...): visits
 * every node in CPython's order and applies the folds of {@link Folds} on the way back up. C rewrites a
 * node in place (its kind changes); here a visit returns the node to put in its parent's field, which
 * is the same node or its replacement.
 *
 * <p>Depth is counted as in C ({@code recursion_depth} against {@code recursion_limit}, expressions,
 * statements and patterns), raising {@code RecursionError}. The Java recursion runs on the caller's
 * thread while shallow and continues on a thread with a large stack below {@link #HANDOFF_DEPTH}.
 */
class AstFold {
    /** Java nesting (counted depth) past which the walk moves to a large stack. */
    static final int HANDOFF_DEPTH = 150;

    final int optimize;
    final int ffFeatures;
    final PyVersion version;
    final Folds folds;
    /** {@code state->recursion_depth}, from the depth py_compile's {@code compile()} call has used ({@link CompilerLimits}). */
    private int depth;
    /** {@code state->recursion_limit}. */
    private final int limit;
    private int localDepth;
    private boolean onBigStack;

    AstFold(int optimize, int ffFeatures, PyVersion version) {
        this.optimize = optimize;
        this.ffFeatures = ffFeatures;
        this.version = version;
        this.folds = Folds.of(version);
        this.depth = CompilerLimits.startingDepth(version);
        this.limit = CompilerLimits.recursionLimit(version);
    }

    private boolean futureAnnotations() {
        return (ffFeatures & CodeFlags.CO_FUTURE_ANNOTATIONS) != 0;
    }

    private static PyCompileError recursionError() {
        return new PyCompileError("RecursionError", "maximum recursion depth exceeded during compilation",
                null, null, null, null, -1);
    }

    private void enter() {
        if (++depth > limit) throw recursionError();
    }

    // ---- sequences

    /** {@code CALL_SEQ(astfold_expr, ...)}: the list with each item replaced by its visit. */
    final List<ExprNode> exprs(List<ExprNode> seq) {
        if (seq == null) return null;
        List<ExprNode> out = seq;
        for (int i = 0, n = seq.size(); i < n; i++) {
            ExprNode e = seq.get(i);
            if (e == null) continue;
            ExprNode r = expr(e);
            if (r != e) {
                if (out == seq && !(seq instanceof ArrayList)) out = new ArrayList<>(seq);
                out.set(i, r);
            }
        }
        return out;
    }

    final void stmts(List<StmtNode> seq) {
        if (seq == null) return;
        for (int i = 0, n = seq.size(); i < n; i++) {
            StmtNode s = seq.get(i);
            if (s != null) stmt(s);
        }
    }

    private ExprNode opt(ExprNode e) {
        return e == null ? null : expr(e);
    }

    // ---- mod, body

    /** {@code astfold_mod}. */
    void mod(ModNode node) {
        if (node instanceof org.jpyc.ast.Module m) {
            body(m.body());
        } else if (node instanceof Interactive i) {
            stmts(i.body());
        } else if (node instanceof Expression x) {
            x.setBody(expr(x.body()));
        }
        // FunctionType: not folded
    }

    /** {@code _PyAST_GetDocString} is not null. */
    static boolean hasDocString(List<StmtNode> body) {
        if (body == null || body.isEmpty()) return false;
        return body.get(0) instanceof Expr e && e.value() instanceof Constant c && c.value() instanceof PyStr;
    }

    /**
     * {@code astfold_body}: a first statement that only became a string constant by folding is wrapped
     * in a JoinedStr, so that it does not turn into a docstring.
     */
    void body(List<StmtNode> stmts) {
        boolean docstring = hasDocString(stmts);
        if (docstring && optimize >= 2 && version.has(org.jpyc.version.Feature.AST_PREPROCESS_ONLY)) {
            removeDocstring(stmts);
            docstring = false;
        }
        stmts(stmts);
        if (!docstring && hasDocString(stmts)) {
            Expr st = (Expr) stmts.get(0);
            List<ExprNode> values = new ArrayList<>(1);
            values.add(st.value());
            JoinedStr js = new JoinedStr(values);
            Folds.copyPosition(js, st);
            st.setValue(js);
        }
    }

    /**
     * {@code remove_docstring} (Python/ast_preprocess.c 3.14, -OO): the docstring statement goes; a body that was
     * only a docstring keeps a {@code pass} at the docstring's start, four columns wide.
     */
    private static void removeDocstring(List<StmtNode> stmts) {
        if (stmts.size() == 1) {
            StmtNode doc = stmts.get(0);
            org.jpyc.ast.Pass pass = new org.jpyc.ast.Pass();
            pass.setPosition(doc.lineno(), doc.colOffset(), doc.lineno(), doc.colOffset() + 4);
            stmts.set(0, pass);
        } else {
            stmts.remove(0);
        }
    }

    // ---- expressions

    /** {@code astfold_expr}: the node to put in place of {@code node}. */
    ExprNode expr(ExprNode node) {
        // the leaves (most nodes) without the nesting bookkeeping: the same depth check, nothing below them
        if (node instanceof Name n) {
            if (depth >= limit) throw recursionError();
            return name(n);
        }
        if (node instanceof Constant) {
            if (depth >= limit) throw recursionError();
            return node;
        }
        if (!onBigStack && localDepth >= HANDOFF_DEPTH) {
            return onBigStack(() -> expr(node));
        }
        enter();
        localDepth++;
        try {
            return exprBody(node);
        } finally {
            localDepth--;
        }
    }

    /** The Name case: {@code __debug__} is the constant {@code not optimize}. */
    private ExprNode name(Name n) {
        if (n.ctx() == ExprContextNode.Load && n.id().length() == 9 && n.id().equals("__debug__")) {
            return Folds.makeConst(n, PyConst.bool(optimize == 0));
        }
        return n;
    }

    private ExprNode exprBody(ExprNode node) {
        ExprNode result = node;
        if (node instanceof Attribute n) {
            n.setValue(expr(n.value()));
        } else if (node instanceof Call n) {
            n.setFunc(expr(n.func()));
            n.setArgs(exprs(n.args()));
            keywords(n.keywords());
        } else if (node instanceof BinOp n) {
            n.setLeft(expr(n.left()));
            n.setRight(expr(n.right()));
            result = folds.foldBinop(n);
        } else if (node instanceof Subscript n) {
            n.setValue(expr(n.value()));
            n.setSlice(expr(n.slice()));
            result = folds.foldSubscr(n);
        } else if (node instanceof Tuple n) {
            n.setElts(exprs(n.elts()));
            result = folds.foldTuple(n);
        } else if (node instanceof Compare n) {
            n.setLeft(expr(n.left()));
            n.setComparators(exprs(n.comparators()));
            folds.foldCompare(n);
        } else if (node instanceof UnaryOp n) {
            n.setOperand(expr(n.operand()));
            result = folds.foldUnaryop(n);
        } else if (node instanceof BoolOp n) {
            n.setValues(exprs(n.values()));
        } else if (node instanceof org.jpyc.ast.List n) {
            n.setElts(exprs(n.elts()));
        } else if (node instanceof Dict n) {
            n.setKeys(exprs(n.keys()));
            n.setValues(exprs(n.values()));
        } else if (node instanceof JoinedStr n) {
            n.setValues(exprs(n.values()));
        } else if (node instanceof FormattedValue n) {
            n.setValue(expr(n.value()));
            n.setFormatSpec(opt(n.formatSpec()));
        } else if (node instanceof Starred n) {
            n.setValue(expr(n.value()));
        } else if (node instanceof Lambda n) {
            arguments(n.args());
            n.setBody(expr(n.body()));
        } else if (node instanceof IfExp n) {
            n.setTest(expr(n.test()));
            n.setBody(expr(n.body()));
            n.setOrelse(expr(n.orelse()));
        } else if (node instanceof Set n) {
            n.setElts(exprs(n.elts()));
        } else if (node instanceof ListComp n) {
            n.setElt(expr(n.elt()));
            comprehensions(n.generators());
        } else if (node instanceof SetComp n) {
            n.setElt(expr(n.elt()));
            comprehensions(n.generators());
        } else if (node instanceof DictComp n) {
            n.setKey(expr(n.key()));
            n.setValue(expr(n.value()));
            comprehensions(n.generators());
        } else if (node instanceof GeneratorExp n) {
            n.setElt(expr(n.elt()));
            comprehensions(n.generators());
        } else if (node instanceof Await n) {
            n.setValue(expr(n.value()));
        } else if (node instanceof Yield n) {
            n.setValue(opt(n.value()));
        } else if (node instanceof YieldFrom n) {
            n.setValue(expr(n.value()));
        } else if (node instanceof Interpolation n) {
            n.setValue(expr(n.value()));
            n.setFormatSpec(opt(n.formatSpec()));
        } else if (node instanceof TemplateStr n) {
            n.setValues(exprs(n.values()));
        } else if (node instanceof Slice n) {
            n.setLower(opt(n.lower()));
            n.setUpper(opt(n.upper()));
            n.setStep(opt(n.step()));
        } else if (node instanceof NamedExpr n) {
            n.setValue(expr(n.value()));
        }
        depth--;
        return result;
    }

    private void keywords(List<Keyword> seq) {
        if (seq == null) return;
        for (int i = 0, n = seq.size(); i < n; i++) {
            Keyword k = seq.get(i);
            if (k != null) k.setValue(expr(k.value()));
        }
    }

    /** {@code astfold_comprehension}. */
    private void comprehensions(List<Comprehension> seq) {
        if (seq == null) return;
        for (int i = 0, n = seq.size(); i < n; i++) {
            Comprehension c = seq.get(i);
            if (c == null) continue;
            c.setTarget(expr(c.target()));
            c.setIter(expr(c.iter()));
            c.setIfs(exprs(c.ifs()));
            c.setIter(folds.foldIter(c.iter()));
        }
    }

    /** {@code astfold_arguments}. */
    private void arguments(Arguments a) {
        args(a.posonlyargs());
        args(a.args());
        arg(a.vararg());
        args(a.kwonlyargs());
        a.setKwDefaults(exprs(a.kwDefaults()));
        arg(a.kwarg());
        a.setDefaults(exprs(a.defaults()));
    }

    private void args(List<Arg> seq) {
        if (seq == null) return;
        for (int i = 0, n = seq.size(); i < n; i++) arg(seq.get(i));
    }

    /** {@code astfold_arg}. */
    private void arg(Arg a) {
        if (a == null) return;
        if (!futureAnnotations() && a.annotation() != null) a.setAnnotation(expr(a.annotation()));
    }

    // ---- statements

    /** {@code astfold_stmt}. */
    void stmt(StmtNode node) {
        enter();
        localDepth++;
        try {
            stmtBody(node);
        } finally {
            localDepth--;
        }
        depth--;
    }

    private void stmtBody(StmtNode node) {
        // expression statements (a third of all statements) first; the rest in the ASDL order
        if (node instanceof Expr n) {
            n.setValue(expr(n.value()));
        } else if (node instanceof FunctionDef n) {
            typeParams(n.typeParams());
            arguments(n.args());
            body(n.body());
            n.setDecoratorList(exprs(n.decoratorList()));
            if (!futureAnnotations()) n.setReturns(opt(n.returns()));
        } else if (node instanceof AsyncFunctionDef n) {
            typeParams(n.typeParams());
            arguments(n.args());
            body(n.body());
            n.setDecoratorList(exprs(n.decoratorList()));
            if (!futureAnnotations()) n.setReturns(opt(n.returns()));
        } else if (node instanceof ClassDef n) {
            typeParams(n.typeParams());
            n.setBases(exprs(n.bases()));
            keywords(n.keywords());
            body(n.body());
            n.setDecoratorList(exprs(n.decoratorList()));
        } else if (node instanceof Return n) {
            n.setValue(opt(n.value()));
        } else if (node instanceof Delete n) {
            n.setTargets(exprs(n.targets()));
        } else if (node instanceof Assign n) {
            n.setTargets(exprs(n.targets()));
            n.setValue(expr(n.value()));
        } else if (node instanceof AugAssign n) {
            n.setTarget(expr(n.target()));
            n.setValue(expr(n.value()));
        } else if (node instanceof AnnAssign n) {
            n.setTarget(expr(n.target()));
            if (!futureAnnotations()) n.setAnnotation(expr(n.annotation()));
            n.setValue(opt(n.value()));
        } else if (node instanceof TypeAlias n) {
            n.setName(expr(n.name()));
            typeParams(n.typeParams());
            n.setValue(expr(n.value()));
        } else if (node instanceof For n) {
            n.setTarget(expr(n.target()));
            n.setIter(expr(n.iter()));
            stmts(n.body());
            stmts(n.orelse());
            n.setIter(folds.foldIter(n.iter()));
        } else if (node instanceof AsyncFor n) {
            n.setTarget(expr(n.target()));
            n.setIter(expr(n.iter()));
            stmts(n.body());
            stmts(n.orelse());
        } else if (node instanceof While n) {
            n.setTest(expr(n.test()));
            stmts(n.body());
            stmts(n.orelse());
        } else if (node instanceof If n) {
            n.setTest(expr(n.test()));
            stmts(n.body());
            stmts(n.orelse());
        } else if (node instanceof With n) {
            withitems(n.items());
            stmts(n.body());
        } else if (node instanceof AsyncWith n) {
            withitems(n.items());
            stmts(n.body());
        } else if (node instanceof Raise n) {
            n.setExc(opt(n.exc()));
            n.setCause(opt(n.cause()));
        } else if (node instanceof Try n) {
            stmts(n.body());
            handlers(n.handlers());
            stmts(n.orelse());
            stmts(n.finalbody());
        } else if (node instanceof TryStar n) {
            stmts(n.body());
            handlers(n.handlers());
            stmts(n.orelse());
            stmts(n.finalbody());
        } else if (node instanceof Assert n) {
            n.setTest(expr(n.test()));
            n.setMsg(opt(n.msg()));
        } else if (node instanceof Match n) {
            n.setSubject(expr(n.subject()));
            if (n.cases() != null) {
                for (MatchCase c : n.cases()) {
                    if (c != null) matchCase(c);
                }
            }
        }
        // Import, ImportFrom, Global, Nonlocal, Pass, Break, Continue: nothing to fold
    }

    /** {@code astfold_excepthandler}. */
    private void handlers(List<ExcepthandlerNode> seq) {
        if (seq == null) return;
        for (int i = 0, n = seq.size(); i < n; i++) {
            if (seq.get(i) instanceof ExceptHandler e) {
                e.setType(opt(e.type()));
                stmts(e.body());
            }
        }
    }

    /** {@code astfold_withitem}. */
    private void withitems(List<Withitem> seq) {
        if (seq == null) return;
        for (int i = 0, n = seq.size(); i < n; i++) {
            Withitem w = seq.get(i);
            if (w == null) continue;
            w.setContextExpr(expr(w.contextExpr()));
            w.setOptionalVars(opt(w.optionalVars()));
        }
    }

    /** {@code astfold_match_case}. */
    private void matchCase(MatchCase c) {
        pattern(c.pattern());
        c.setGuard(opt(c.guard()));
        stmts(c.body());
    }

    private void patterns(List<PatternNode> seq) {
        if (seq == null) return;
        for (PatternNode p : seq) {
            if (p != null) pattern(p);
        }
    }

    /** {@code astfold_pattern}. */
    void pattern(PatternNode node) {
        if (!onBigStack && localDepth >= HANDOFF_DEPTH) {
            onBigStack(() -> {
                pattern(node);
                return null;
            });
            return;
        }
        enter();
        localDepth++;
        try {
            if (node instanceof MatchValue n) {
                n.setValue(folds.walksMatchValues() ? expr(n.value()) : folds.foldMatchValue(n.value()));
            } else if (node instanceof MatchSequence n) {
                patterns(n.patterns());
            } else if (node instanceof MatchMapping n) {
                if (folds.walksMatchValues()) {
                    n.setKeys(exprs(n.keys()));
                } else if (n.keys() != null) {
                    List<ExprNode> keys = new ArrayList<>(n.keys());
                    for (int i = 0; i < keys.size(); i++) {
                        if (keys.get(i) != null) keys.set(i, folds.foldMatchValue(keys.get(i)));
                    }
                    n.setKeys(keys);
                }
                patterns(n.patterns());
            } else if (node instanceof MatchClass n) {
                n.setCls(expr(n.cls()));
                patterns(n.patterns());
                patterns(n.kwdPatterns());
            } else if (node instanceof MatchAs n) {
                if (n.pattern() != null) pattern(n.pattern());
            } else if (node instanceof MatchOr n) {
                patterns(n.patterns());
            }
            // MatchSingleton, MatchStar: nothing to fold
        } finally {
            localDepth--;
        }
        depth--;
    }

    /** {@code astfold_type_param}. */
    private void typeParams(List<TypeParamNode> seq) {
        if (seq == null) return;
        for (TypeParamNode t : seq) {
            if (t instanceof TypeVar n) {
                n.setBound(opt(n.bound()));
                n.setDefaultValue(opt(n.defaultValue()));
            } else if (t instanceof ParamSpec n) {
                n.setDefaultValue(opt(n.defaultValue()));
            } else if (t instanceof TypeVarTuple n) {
                n.setDefaultValue(opt(n.defaultValue()));
            }
        }
    }

    // ---- deep trees

    /** Runs the rest of a deep walk on a thread with a large stack; the caller waits for it. */
    private <T> T onBigStack(Supplier<T> work) {
        int savedLocal = localDepth;
        try {
            return org.jpyc.util.BigStack.run("jpyc-astopt", 256L << 20, () -> {
                onBigStack = true;
                try {
                    return work.get();
                } finally {
                    onBigStack = false;
                }
            });
        } finally {
            localDepth = savedLocal;
        }
    }
}
