package org.jpyc.symtable;

import static org.jpyc.symtable.Symbols.DEF_ANNOT;
import static org.jpyc.symtable.Symbols.DEF_GLOBAL;
import static org.jpyc.symtable.Symbols.DEF_IMPORT;
import static org.jpyc.symtable.Symbols.DEF_LOCAL;
import static org.jpyc.symtable.Symbols.DEF_NONLOCAL;
import static org.jpyc.symtable.Symbols.DEF_PARAM;
import static org.jpyc.symtable.Symbols.USE;

import java.util.List;
import org.jpyc.ast.*;
import org.jpyc.symtable.SymtableBuilder.BlockKey;

/** {@code symtable_visit_stmt} and the visitors only statements reach (Python/symtable.c, 3.13). */
final class StmtVisitor {
    private final SymtableBuilder b;

    StmtVisitor(SymtableBuilder b) {
        this.b = b;
    }

    void visitAll(List<? extends StmtNode> seq) {
        if (seq == null) return;
        for (int i = 0, n = seq.size(); i < n; i++) visit(seq.get(i));
    }

    /** {@code symtable_visit_stmt}. */
    void visit(StmtNode s) {
        b.enterRecursion();
        ExprVisitor ex = b.exprs;
        // expression statements (a third of all statements) first; the rest in the ASDL order
        if (s instanceof Expr e) {
            ex.visit(e.value());
        } else if (s instanceof FunctionDef f) {
            functionDef(s, f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), f.typeParams(), false);
        } else if (s instanceof AsyncFunctionDef f) {
            functionDef(s, f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), f.typeParams(), true);
        } else if (s instanceof ClassDef c) {
            classDef(c);
        } else if (s instanceof TypeAlias t) {
            typeAlias(t);
        } else if (s instanceof Return r) {
            if (r.value() != null) {
                ex.visit(r.value());
                b.cur.returnsValue = true;
            }
        } else if (s instanceof Delete d) {
            ex.visitAll(d.targets());
        } else if (s instanceof Assign a) {
            ex.visitAll(a.targets());
            ex.visit(a.value());
        } else if (s instanceof AnnAssign a) {
            annAssign(a);
        } else if (s instanceof AugAssign a) {
            ex.visit(a.target());
            ex.visit(a.value());
        } else if (s instanceof For f) {
            ex.visit(f.target());
            ex.visit(f.iter());
            conditionalBodies(f.body(), f.orelse());
        } else if (s instanceof AsyncFor f) {
            b.raiseIfNotCoroutine("'async for' outside async function", s);
            ex.visit(f.target());
            ex.visit(f.iter());
            conditionalBodies(f.body(), f.orelse());
        } else if (s instanceof While w) {
            ex.visit(w.test());
            conditionalBodies(w.body(), w.orelse());
        } else if (s instanceof If i) {
            ex.visit(i.test());
            conditionalBodies(i.body(), i.orelse());
        } else if (s instanceof Match m) {
            ex.visit(m.subject());
            boolean outer = enterConditionalBlock();
            for (MatchCase c : m.cases()) matchCase(c);
            leaveConditionalBlock(outer);
        } else if (s instanceof Raise r) {
            if (r.exc() != null) {
                ex.visit(r.exc());
                if (r.cause() != null) ex.visit(r.cause());
            }
        } else if (s instanceof Try t) {
            boolean outer = enterConditionalBlock();
            tryStatement(t.body(), t.handlers(), t.orelse(), t.finalbody());
            leaveConditionalBlock(outer);
        } else if (s instanceof TryStar t) {
            boolean outer = enterConditionalBlock();
            tryStatement(t.body(), t.handlers(), t.orelse(), t.finalbody());
            leaveConditionalBlock(outer);
        } else if (s instanceof Assert a) {
            ex.visit(a.test());
            if (a.msg() != null) ex.visit(a.msg());
        } else if (s instanceof Import i) {
            checkLazyImport(s, "lazy import", i.isLazy(), false);
            aliases(i.names());
        } else if (s instanceof ImportFrom i) {
            checkLazyImport(s, "lazy from ... import", i.isLazy(),
                    !i.names().isEmpty() && i.names().get(0).name().equals("*"));
            aliases(i.names());
            b.checkImportFrom(i);
        } else if (s instanceof Global g) {
            declarations(s, g.names(), true);
        } else if (s instanceof Nonlocal n) {
            declarations(s, n.names(), false);
        } else if (s instanceof With w) {
            boolean outer = enterConditionalBlock();
            for (Withitem item : w.items()) withItem(item);
            visitAll(w.body());
            leaveConditionalBlock(outer);
        } else if (s instanceof AsyncWith w) {
            b.raiseIfNotCoroutine("'async with' outside async function", s);
            boolean outer = enterConditionalBlock();
            for (Withitem item : w.items()) withItem(item);
            visitAll(w.body());
            leaveConditionalBlock(outer);
        }
        // Pass, Break, Continue: nothing
        b.leaveRecursion();
    }

    /** A compound statement's body and else block, visited as conditional blocks (3.14: annotations in them are conditional). */
    private void conditionalBodies(List<? extends StmtNode> body, List<? extends StmtNode> orelse) {
        boolean outer = enterConditionalBlock();
        visitAll(body);
        visitAll(orelse);
        leaveConditionalBlock(outer);
    }

    /**
     * {@code ENTER_CONDITIONAL_BLOCK} (3.14): the current scope is now inside a conditionally executed
     * block (read by 3.14's annotation scopes only); returns the previous state for {@link #leaveConditionalBlock}.
     */
    private boolean enterConditionalBlock() {
        boolean outer = b.cur.inConditionalBlock;
        b.cur.inConditionalBlock = true;
        return outer;
    }

    /** {@code LEAVE_CONDITIONAL_BLOCK} (3.14). */
    private void leaveConditionalBlock(boolean outer) {
        b.cur.inConditionalBlock = outer;
    }

    /**
     * The Try and TryStar cases: body, handlers, else, finally. Up to 3.12 the else block came before the
     * handlers (which shows in the order of first uses in {@code ste_symbols}).
     */
    private void tryStatement(List<StmtNode> body, List<ExcepthandlerNode> handlers, List<StmtNode> orelse,
                              List<StmtNode> finalbody) {
        tryDepth++;
        try {
            tryStatementParts(body, handlers, orelse, finalbody);
        } finally {
            tryDepth--;
        }
    }

    /** How many try statements enclose the statement being visited (3.15: no {@code lazy} import inside one). */
    private int tryDepth;

    /**
     * PEP 810 (Python/symtable.c 3.15): a {@code lazy} import only at module level, outside any try statement, and
     * never {@code lazy from ... import *}; {@code what} names the statement in the message.
     */
    private void checkLazyImport(StmtNode s, String what, Integer isLazy, boolean star) {
        if (isLazy == null || isLazy == 0) return;
        if (b.cur.type == BlockType.FUNCTION) throw SymtableErrors.syntaxError(what + " not allowed inside functions", s);
        if (b.cur.type == BlockType.CLASS) throw SymtableErrors.syntaxError(what + " not allowed inside classes", s);
        if (tryDepth > 0) throw SymtableErrors.syntaxError(what + " not allowed inside try/except blocks", s);
        if (star) throw SymtableErrors.syntaxError("lazy from ... import * is not allowed", s);
    }

    private void tryStatementParts(List<StmtNode> body, List<ExcepthandlerNode> handlers, List<StmtNode> orelse,
                                   List<StmtNode> finalbody) {
        visitAll(body);
        boolean handlersFirst = b.version.has(org.jpyc.version.Feature.SYMTABLE_TRY_HANDLERS_BEFORE_ELSE);
        if (!handlersFirst) visitAll(orelse);
        for (int i = 0, n = handlers.size(); i < n; i++) exceptHandler((ExceptHandler) handlers.get(i));
        if (handlersFirst) visitAll(orelse);
        visitAll(finalbody);
    }

    /** The FunctionDef and AsyncFunctionDef cases of {@code symtable_visit_stmt}. */
    private void functionDef(StmtNode s, String name, Arguments args, List<StmtNode> body, List<ExprNode> decorators,
                             ExprNode returns, List<TypeParamNode> typeParams, boolean async) {
        ExprVisitor ex = b.exprs;
        b.addDef(name, DEF_LOCAL, s);
        if (args.defaults() != null) ex.visitAll(args.defaults());
        if (args.kwDefaults() != null) ex.visitAllWithNull(args.kwDefaults());
        // up to 3.11 the annotations came before the decorators (there were no type parameters)
        boolean annotationsFirst = !b.version.has(org.jpyc.version.Feature.SYMTABLE_DECORATORS_FIRST);
        if (annotationsFirst) annotations(s, args, returns);
        if (decorators != null) ex.visitAll(decorators);
        boolean generic = typeParams != null && !typeParams.isEmpty();
        if (generic) {
            // C tests the list pointer, and parsed arguments always have a (maybe empty) list
            enterTypeParamBlock(name, s, args.defaults() != null,
                    hasKwOnlyDefaults(args), false, s);
            typeParams(typeParams);
        }
        if (b.annotationIsFunctionLike()) {
            b.annotationScopes.functionAnnotations(s, args, returns);
        } else if (!annotationsFirst) {
            annotations(s, args, returns);
        }
        b.enterBlock(name, BlockType.FUNCTION, BlockKey.of(s), s);
        if (async) b.cur.coroutine = true;
        arguments(args);
        visitAll(body);
        b.exitBlock();
        if (generic) b.exitBlock();
    }

    /** {@code has_kwonlydefaults}. */
    private static boolean hasKwOnlyDefaults(Arguments a) {
        List<Arg> kwonly = a.kwonlyargs();
        List<ExprNode> defaults = a.kwDefaults();
        for (int i = 0; kwonly != null && i < kwonly.size(); i++) {
            if (defaults.get(i) != null) return true;
        }
        return false;
    }

    /** The ClassDef case of {@code symtable_visit_stmt}. */
    private void classDef(ClassDef c) {
        ExprVisitor ex = b.exprs;
        b.addDef(c.name(), DEF_LOCAL, c);
        // up to 3.11 the bases and keywords came before the decorators
        boolean basesFirst = !b.version.has(org.jpyc.version.Feature.SYMTABLE_DECORATORS_FIRST);
        if (basesFirst) {
            ex.visitAll(c.bases());
            keywordValues(c.keywords());
        }
        if (c.decoratorList() != null) ex.visitAll(c.decoratorList());
        String savedPrivate = b.privateName;
        boolean generic = c.typeParams() != null && !c.typeParams().isEmpty();
        if (generic) {
            enterTypeParamBlock(c.name(), c, false, false, true, c);
            b.privateName = c.name();
            // 3.12.1 saves the private name only now: after the class, the enclosing code mangles with its name
            if (b.version.has(org.jpyc.version.Feature.GENERIC_CLASS_PRIVATE_NAME_LEAK)) savedPrivate = c.name();
            b.cur.mangledNames = SymtableBuilder.newMangledSet();
            typeParams(c.typeParams());
        }
        if (!basesFirst) {
            ex.visitAll(c.bases());
            keywordValues(c.keywords());
        }
        b.enterBlock(c.name(), BlockType.CLASS, BlockKey.of(c), c);
        b.privateName = c.name();
        if (generic) {
            b.addDef("__type_params__", DEF_LOCAL, c);
            b.addDef(".type_params", USE, c);
        }
        visitAll(c.body());
        b.exitBlock();
        if (generic) b.exitBlock();
        b.privateName = savedPrivate;
    }

    /** The TypeAlias case of {@code symtable_visit_stmt}. */
    private void typeAlias(TypeAlias t) {
        b.exprs.visit(t.name());
        String name = ((Name) t.name()).id();
        boolean inClass = b.cur.type == BlockType.CLASS;
        boolean generic = t.typeParams() != null && !t.typeParams().isEmpty();
        if (generic) {
            enterTypeParamBlock(name, t, false, false, false, t);
            typeParams(t.typeParams());
        }
        b.enterBlock(name, BlockType.TYPE_ALIAS, BlockKey.of(t), t);
        b.cur.canSeeClassScope = inClass;
        if (inClass) b.addDef("__classdict__", USE, t.value());
        b.exprs.visit(t.value());
        b.exitBlock();
        if (generic) b.exitBlock();
    }

    /** {@code symtable_enter_type_param_block}. */
    private void enterTypeParamBlock(String name, StmtNode owner, boolean hasDefaults, boolean hasKwDefaults,
                                     boolean isClass, Located loc) {
        BlockType current = b.cur.type;
        b.enterBlock(name, BlockType.TYPE_PARAMETERS, new BlockKey(owner, BlockKey.Kind.TYPE_PARAMS), loc);
        if (current == BlockType.CLASS) {
            b.cur.canSeeClassScope = true;
            b.addDef("__classdict__", USE, loc);
        }
        if (isClass) {
            b.addDef(".type_params", DEF_LOCAL, loc);
            b.addDef(".type_params", USE, loc);
            b.addDef(".generic_base", DEF_LOCAL, loc);
            b.addDef(".generic_base", USE, loc);
        }
        if (hasDefaults) b.addDef(".defaults", DEF_PARAM, loc);
        if (hasKwDefaults) b.addDef(".kwdefaults", DEF_PARAM, loc);
    }

    private void typeParams(List<TypeParamNode> tps) {
        for (TypeParamNode tp : tps) typeParam(tp);
    }

    /** {@code symtable_visit_type_param}. */
    private void typeParam(TypeParamNode tp) {
        b.enterRecursion();
        if (tp instanceof TypeVar v) {
            b.addDef(v.name(), Symbols.DEF_TYPE_PARAM | DEF_LOCAL, tp);
            String info = null;
            if (v.bound() != null) {
                info = v.bound() instanceof Tuple && b.version.has(org.jpyc.version.Feature.TYPEVAR_CONSTRAINT_MESSAGE)
                        ? "a TypeVar constraint" : "a TypeVar bound";
            }
            boundOrDefault(v.bound(), v.name(), tp, BlockKey.of(tp), info);
            boundOrDefault(v.defaultValue(), v.name(), tp, new BlockKey(tp, BlockKey.Kind.TYPEVAR_DEFAULT), "a TypeVar default");
        } else if (tp instanceof TypeVarTuple v) {
            b.addDef(v.name(), Symbols.DEF_TYPE_PARAM | DEF_LOCAL, tp);
            boundOrDefault(v.defaultValue(), v.name(), tp, BlockKey.of(tp), "a TypeVarTuple default");
        } else if (tp instanceof ParamSpec v) {
            b.addDef(v.name(), Symbols.DEF_TYPE_PARAM | DEF_LOCAL, tp);
            boundOrDefault(v.defaultValue(), v.name(), tp, BlockKey.of(tp), "a ParamSpec default");
        }
        b.leaveRecursion();
    }

    /** {@code symtable_visit_type_param_bound_or_default}. */
    private void boundOrDefault(ExprNode e, String name, TypeParamNode tp, BlockKey key, String scopeInfo) {
        if (name.equals("__classdict__")) {
            throw b.error("reserved name '" + name + "' cannot be used for type parameter", tp);
        }
        if (e != null) {
            boolean inClass = b.cur.canSeeClassScope;
            b.enterBlock(name, BlockType.TYPE_VARIABLE, key, e);
            b.cur.canSeeClassScope = inClass;
            if (inClass) b.addDef("__classdict__", USE, e);
            b.cur.scopeInfo = scopeInfo;
            b.exprs.visit(e);
            b.exitBlock();
        }
    }

    /** The AnnAssign case of {@code symtable_visit_stmt}. */
    private void annAssign(AnnAssign s) {
        b.cur.annotationsUsed = true;
        if (s.target() instanceof Name n) {
            int cur = b.lookup(n.id());
            if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) != 0 && b.cur.symbols != b.global && s.simple() != 0) {
                String msg = (cur & DEF_GLOBAL) != 0 ? "annotated name '" + n.id() + "' can't be global"
                        : "annotated name '" + n.id() + "' can't be nonlocal";
                throw b.error(msg, s);
            }
            if (s.simple() != 0) {
                b.addDef(n.id(), DEF_ANNOT | DEF_LOCAL, n);
            }
            // C's else branch also runs after a successful simple definition
            if (s.value() != null) {
                b.addDef(n.id(), DEF_LOCAL, n);
            }
        } else {
            b.exprs.visit(s.target());
        }
        annotation(s.annotation());
        if (s.value() != null) b.exprs.visit(s.value());
    }

    /** The Global and Nonlocal cases of {@code symtable_visit_stmt}. */
    private void declarations(StmtNode s, List<String> names, boolean isGlobal) {
        String kind = isGlobal ? "global" : "nonlocal";
        for (String name : names) {
            int cur = b.lookup(name);
            if ((cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) != 0) {
                String msg;
                if ((cur & DEF_PARAM) != 0) {
                    msg = "name '" + name + "' is parameter and " + kind;
                } else if ((cur & USE) != 0) {
                    msg = "name '" + name + "' is used prior to " + kind + " declaration";
                } else if ((cur & DEF_ANNOT) != 0) {
                    msg = "annotated name '" + name + "' can't be " + kind;
                } else {
                    msg = "name '" + name + "' is assigned to before " + kind + " declaration";
                }
                throw b.error(msg, s);
            }
            b.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
            b.recordDirective(name, s);
        }
    }

    /** {@code symtable_visit_annotation}. */
    void annotation(ExprNode annotation) {
        if (b.annotationIsFunctionLike()) {
            b.annotationScopes.annotation(annotation);
            return;
        }
        boolean future = b.futureAnnotations();
        if (future) b.enterBlock("_annotation", BlockType.ANNOTATION, BlockKey.of(annotation), annotation);
        b.exprs.visit(annotation);
        if (future) b.exitBlock();
    }

    /** {@code symtable_visit_argannotations}. */
    private void argAnnotations(List<Arg> args) {
        if (args == null) return;
        for (int i = 0, n = args.size(); i < n; i++) {
            ExprNode ann = args.get(i).annotation();
            if (ann != null) b.exprs.visit(ann);
        }
    }

    /** {@code symtable_visit_annotations}. */
    private void annotations(StmtNode o, Arguments a, ExprNode returns) {
        boolean future = b.futureAnnotations();
        if (future) b.enterBlock("_annotation", BlockType.ANNOTATION, BlockKey.of(o), o);
        argAnnotations(a.posonlyargs());
        argAnnotations(a.args());
        if (a.vararg() != null && a.vararg().annotation() != null) b.exprs.visit(a.vararg().annotation());
        if (a.kwarg() != null && a.kwarg().annotation() != null) b.exprs.visit(a.kwarg().annotation());
        argAnnotations(a.kwonlyargs());
        if (future) b.exitBlock();
        if (returns != null) annotation(returns);
    }

    /** {@code symtable_visit_params}. */
    private void params(List<Arg> args) {
        if (args == null) return;
        for (int i = 0, n = args.size(); i < n; i++) {
            Arg a = args.get(i);
            b.addDef(a.arg(), DEF_PARAM, a);
        }
    }

    /** {@code symtable_visit_arguments}. */
    void arguments(Arguments a) {
        params(a.posonlyargs());
        params(a.args());
        params(a.kwonlyargs());
        if (a.vararg() != null) {
            b.addDef(a.vararg().arg(), DEF_PARAM, a.vararg());
            b.cur.varargs = true;
        }
        if (a.kwarg() != null) {
            b.addDef(a.kwarg().arg(), DEF_PARAM, a.kwarg());
            b.cur.varkeywords = true;
        }
    }

    /** {@code symtable_visit_excepthandler}. */
    private void exceptHandler(ExceptHandler eh) {
        if (eh.type() != null) b.exprs.visit(eh.type());
        if (eh.name() != null) b.addDef(eh.name(), DEF_LOCAL, eh);
        visitAll(eh.body());
    }

    /** {@code symtable_visit_withitem}. */
    private void withItem(Withitem item) {
        b.exprs.visit(item.contextExpr());
        if (item.optionalVars() != null) b.exprs.visit(item.optionalVars());
    }

    /** {@code symtable_visit_match_case}. */
    private void matchCase(MatchCase m) {
        pattern(m.pattern());
        if (m.guard() != null) b.exprs.visit(m.guard());
        visitAll(m.body());
    }

    /** {@code symtable_visit_pattern}. */
    private void pattern(PatternNode p) {
        b.enterRecursion();
        if (p instanceof MatchValue v) {
            b.exprs.visit(v.value());
        } else if (p instanceof MatchSequence s) {
            for (PatternNode q : s.patterns()) pattern(q);
        } else if (p instanceof MatchStar s) {
            if (s.name() != null) b.addDef(s.name(), DEF_LOCAL, p);
        } else if (p instanceof MatchMapping m) {
            b.exprs.visitAll(m.keys());
            for (PatternNode q : m.patterns()) pattern(q);
            if (m.rest() != null) b.addDef(m.rest(), DEF_LOCAL, p);
        } else if (p instanceof MatchClass c) {
            b.exprs.visit(c.cls());
            for (PatternNode q : c.patterns()) pattern(q);
            // check_kwd_patterns (3.14+): each keyword pattern's attribute name, at its pattern
            for (int i = 0; i < c.kwdAttrs().size(); i++) b.checkName(c.kwdAttrs().get(i), false, c.kwdPatterns().get(i));
            for (PatternNode q : c.kwdPatterns()) pattern(q);
        } else if (p instanceof MatchAs a) {
            if (a.pattern() != null) pattern(a.pattern());
            if (a.name() != null) b.addDef(a.name(), DEF_LOCAL, p);
        } else if (p instanceof MatchOr o) {
            for (PatternNode q : o.patterns()) pattern(q);
        }
        // MatchSingleton: nothing
        b.leaveRecursion();
    }

    /** {@code symtable_visit_alias}. */
    private void alias(Alias a) {
        String name = a.asname() == null ? a.name() : a.asname();
        int dot = name.indexOf('.');
        String storeName = dot >= 0 ? name.substring(0, dot) : name;
        if (!name.equals("*")) {
            b.addDef(storeName, DEF_IMPORT, a);
        } else if (b.cur.type != BlockType.MODULE) {
            throw b.error("import * only allowed at module level", a);
        }
    }

    private void aliases(List<Alias> names) {
        for (int i = 0, n = names.size(); i < n; i++) alias(names.get(i));
    }

    private void keywordValues(List<Keyword> keywords) {
        b.checkKeywords(keywords); // check_keywords, before the values (3.14+)
        for (int i = 0, n = keywords.size(); i < n; i++) b.exprs.visit(keywords.get(i).value());
    }
}
