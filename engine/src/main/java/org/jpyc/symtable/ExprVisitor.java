package org.jpyc.symtable;

import static org.jpyc.symtable.Symbols.DEF_COMP_ITER;
import static org.jpyc.symtable.Symbols.DEF_GLOBAL;
import static org.jpyc.symtable.Symbols.DEF_LOCAL;
import static org.jpyc.symtable.Symbols.DEF_NONLOCAL;
import static org.jpyc.symtable.Symbols.DEF_PARAM;
import static org.jpyc.symtable.Symbols.USE;

import java.util.List;
import org.jpyc.ast.*;
import org.jpyc.symtable.SymtableBuilder.BlockKey;

/** {@code symtable_visit_expr}, comprehensions and assignment expressions (Python/symtable.c, 3.13). */
final class ExprVisitor {
    private final SymtableBuilder b;

    ExprVisitor(SymtableBuilder b) {
        this.b = b;
    }

    void visitAll(List<? extends ExprNode> seq) {
        if (seq == null) return;
        for (int i = 0, n = seq.size(); i < n; i++) visit(seq.get(i));
    }

    /** {@code VISIT_SEQ_WITH_NULL}. */
    void visitAllWithNull(List<? extends ExprNode> seq) {
        if (seq == null) return;
        for (int i = 0, n = seq.size(); i < n; i++) {
            ExprNode e = seq.get(i);
            if (e != null) visit(e);
        }
    }

    /** {@code symtable_visit_expr}. */
    void visit(ExprNode e) {
        b.enterRecursion();
        if (e instanceof Name n) {
            name(n);
        } else if (e instanceof Attribute a) {
            if (a.ctx() != ExprContextNode.Load) b.checkName(a.attr(), a.ctx() == ExprContextNode.Del, a);
            visit(a.value());
        } else if (e instanceof Constant) {
            // nothing
        } else if (e instanceof Call c) {
            visit(c.func());
            visitAll(c.args());
            b.checkKeywords(c.keywords());
            List<Keyword> kws = c.keywords();
            for (int i = 0, n = kws.size(); i < n; i++) {
                Keyword k = kws.get(i);
                if (k != null) visit(k.value());
            }
        } else if (e instanceof BinOp o) {
            visit(o.left());
            visit(o.right());
        } else if (e instanceof BoolOp o) {
            visitAll(o.values());
        } else if (e instanceof UnaryOp o) {
            visit(o.operand());
        } else if (e instanceof Compare c) {
            visit(c.left());
            visitAll(c.comparators());
        } else if (e instanceof Subscript s) {
            visit(s.value());
            visit(s.slice());
        } else if (e instanceof Tuple t) {
            visitAll(t.elts());
        } else if (e instanceof org.jpyc.ast.List l) {
            visitAll(l.elts());
        } else if (e instanceof Starred s) {
            visit(s.value());
        } else if (e instanceof NamedExpr n) {
            raiseIfAnnotationBlock("named expression", e);
            namedExpr(n);
        } else if (e instanceof Lambda l) {
            lambda(l);
        } else if (e instanceof IfExp i) {
            visit(i.test());
            visit(i.body());
            visit(i.orelse());
        } else if (e instanceof Dict d) {
            visitAllWithNull(d.keys());
            visitAll(d.values());
        } else if (e instanceof org.jpyc.ast.Set s) {
            visitAll(s.elts());
        } else if (e instanceof GeneratorExp g) {
            comprehension(e, anonymousName("genexpr"), g.generators(), g.elt(), null);
        } else if (e instanceof ListComp l) {
            comprehension(e, anonymousName("listcomp"), l.generators(), l.elt(), null);
        } else if (e instanceof SetComp s) {
            comprehension(e, anonymousName("setcomp"), s.generators(), s.elt(), null);
        } else if (e instanceof DictComp d) {
            comprehension(e, anonymousName("dictcomp"), d.generators(), d.key(), d.value());
        } else if (e instanceof Yield y) {
            raiseIfAnnotationBlock("yield expression", e);
            if (y.value() != null) visit(y.value());
            b.cur.generator = true;
            if (b.cur.comprehension != ComprehensionType.NONE) raiseComprehensionYield(e);
        } else if (e instanceof YieldFrom y) {
            raiseIfAnnotationBlock("yield expression", e);
            visit(y.value());
            b.cur.generator = true;
            if (b.cur.comprehension != ComprehensionType.NONE) raiseComprehensionYield(e);
        } else if (e instanceof Await a) {
            raiseIfAnnotationBlock("await expression", e);
            if (b.checksAsyncContext()) {
                // 3.14: the code generator's checks, here (py_compile never allows top-level await)
                if (!b.cur.isFunctionLike()) throw SymtableErrors.syntaxError("'await' outside function", e);
                if (!b.isAsyncDef() && b.cur.comprehension == ComprehensionType.NONE) {
                    throw SymtableErrors.syntaxError("'await' outside async function", e);
                }
            }
            visit(a.value());
            b.cur.coroutine = true;
        } else if (e instanceof FormattedValue f) {
            visit(f.value());
            if (f.formatSpec() != null) visit(f.formatSpec());
        } else if (e instanceof Interpolation f) {
            visit(f.value());
            if (f.formatSpec() != null) visit(f.formatSpec());
        } else if (e instanceof JoinedStr j) {
            visitAll(j.values());
        } else if (e instanceof TemplateStr t) {
            visitAll(t.values());
        } else if (e instanceof Slice s) {
            if (s.lower() != null) visit(s.lower());
            if (s.upper() != null) visit(s.upper());
            if (s.step() != null) visit(s.step());
        }
        b.leaveRecursion();
    }

    /** The Name case: a use or a binding; {@code super} in a function also uses {@code __class__}. */
    private void name(Name n) {
        if (b.cur.inUnevaluatedAnnotation) return; // 3.14: a local variable's annotation is never evaluated
        boolean load = n.ctx() == ExprContextNode.Load;
        if (load) b.addDef(n.id(), USE, n);
        else b.addDefCtx(n.id(), DEF_LOCAL, n, n.ctx() == ExprContextNode.Del);
        if (load && n.id().length() == 5 && n.id().equals("super") && b.cur.isFunctionLike()) {
            b.addDef("__class__", USE, n);
        }
    }

    /** The name of a lambda's or comprehension's scope: 3.15 writes {@code <lambda>}, {@code <genexpr>}, ... */
    private String anonymousName(String base) {
        return b.version.has(org.jpyc.version.Feature.SYMTABLE_BRACKETED_NAMES) ? "<" + base + ">" : base;
    }

    /** The Lambda case. */
    private void lambda(Lambda l) {
        Arguments args = l.args();
        if (args.defaults() != null) visitAll(args.defaults());
        if (args.kwDefaults() != null) visitAllWithNull(args.kwDefaults());
        b.enterBlock(anonymousName("lambda"), BlockType.FUNCTION, BlockKey.of(l), l);
        b.stmts.arguments(args);
        visit(l.body());
        b.exitBlock();
    }

    /** {@code symtable_handle_namedexpr}. */
    private void namedExpr(NamedExpr e) {
        if (b.cur.compIterExpr > 0) {
            throw b.error("assignment expression cannot be used in a comprehension iterable expression", e);
        }
        if (b.cur.comprehension != ComprehensionType.NONE) {
            extendNamedExprScope((Name) e.target());
        }
        visit(e.value());
        visit(e.target());
    }

    /** {@code symtable_extend_namedexpr_scope}: bind a walrus target in the scope enclosing the comprehensions. */
    private void extendNamedExprScope(Name e) {
        String target = e.id();
        for (int i = b.stack.size() - 1; i >= 0; i--) {
            Scope ste = b.stack.get(i);
            if (ste.comprehension != ComprehensionType.NONE) {
                int inScope = b.lookupEntry(ste, target);
                if ((inScope & DEF_COMP_ITER) != 0 && (inScope & DEF_LOCAL) != 0) {
                    throw b.error("assignment expression cannot rebind comprehension iteration variable '" + target + "'", e);
                }
                continue;
            }
            if (ste.type == BlockType.FUNCTION) {
                int inScope = b.lookupEntry(ste, target);
                b.addDef(target, (inScope & DEF_GLOBAL) != 0 ? DEF_GLOBAL : DEF_NONLOCAL, e);
                b.recordDirective(target, e);
                b.addDefHelper(target, DEF_LOCAL, ste, e);
                return;
            }
            if (ste.type == BlockType.MODULE) {
                b.addDef(target, DEF_GLOBAL, e);
                b.recordDirective(target, e);
                b.addDefHelper(target, DEF_GLOBAL, ste, e);
                return;
            }
            String msg = switch (ste.type) {
                case CLASS -> "assignment expression within a comprehension cannot be used in a class body";
                case TYPE_PARAMETERS -> "assignment expression within a comprehension cannot be used within the definition of a generic";
                case TYPE_ALIAS -> "assignment expression within a comprehension cannot be used in a type alias";
                case TYPE_VARIABLE -> "assignment expression within a comprehension cannot be used in a TypeVar bound";
                default -> null;
            };
            if (msg != null) throw b.error(msg, e);
        }
        throw new IllegalStateException("no scope for an assignment expression target");
    }

    /** {@code symtable_handle_comprehension}. */
    private void comprehension(ExprNode e, String scopeName, List<Comprehension> generators, ExprNode elt, ExprNode value) {
        boolean isGenerator = e instanceof GeneratorExp;
        Comprehension outermost = generators.get(0);
        b.cur.compIterExpr++;
        visit(outermost.iter());
        b.cur.compIterExpr--;
        b.enterBlock(scopeName, BlockType.FUNCTION, BlockKey.of(e), e);
        Scope comp = b.cur;
        comp.comprehension = e instanceof ListComp ? ComprehensionType.LIST
                : e instanceof SetComp ? ComprehensionType.SET
                : e instanceof DictComp ? ComprehensionType.DICT : ComprehensionType.GENERATOR;
        if (outermost.isAsync() != 0) comp.coroutine = true;
        b.addDef(".0", DEF_PARAM, comp.lineno, comp.colOffset, comp.endLineno, comp.endColOffset);
        comp.compIterTarget = true;
        visit(outermost.target());
        comp.compIterTarget = false;
        visitAll(outermost.ifs());
        for (int i = 1; i < generators.size(); i++) generator(generators.get(i));
        if (value != null) visit(value);
        visit(elt);
        comp.generator = isGenerator;
        boolean isAsync = comp.coroutine && !isGenerator;
        b.exitBlock();
        if (isAsync && b.checksAsyncContext() && !b.isAsyncDef() && b.cur.comprehension == ComprehensionType.NONE) {
            throw SymtableErrors.syntaxError("asynchronous comprehension outside of an asynchronous function", e);
        }
        if (isAsync) b.cur.coroutine = true;
    }

    /** {@code symtable_visit_comprehension}: an inner {@code for} of a comprehension. */
    private void generator(Comprehension lc) {
        b.cur.compIterTarget = true;
        visit(lc.target());
        b.cur.compIterTarget = false;
        b.cur.compIterExpr++;
        visit(lc.iter());
        b.cur.compIterExpr--;
        visitAll(lc.ifs());
        if (lc.isAsync() != 0) b.cur.coroutine = true;
    }

    /** {@code symtable_raise_if_annotation_block}. */
    private void raiseIfAnnotationBlock(String what, ExprNode e) {
        Scope cur = b.cur;
        String msg = switch (cur.type) {
            case ANNOTATION -> what + " cannot be used within an annotation";
            case TYPE_VARIABLE -> what + " cannot be used within " + cur.scopeInfo;
            case TYPE_ALIAS -> what + " cannot be used within a type alias";
            case TYPE_PARAMETERS -> what + " cannot be used within the definition of a generic";
            default -> null;
        };
        if (msg != null) throw b.error(msg, e);
    }

    /** {@code symtable_raise_if_comprehension_block}. */
    private void raiseComprehensionYield(ExprNode e) {
        String msg = switch (b.cur.comprehension) {
            case LIST -> "'yield' inside list comprehension";
            case SET -> "'yield' inside set comprehension";
            case DICT -> "'yield' inside dict comprehension";
            default -> "'yield' inside generator expression";
        };
        throw b.error(msg, e);
    }
}
