package org.jpyc.codegen;

import java.util.List;
import org.jpyc.ast.Arg;
import org.jpyc.ast.Arguments;
import org.jpyc.ast.Attribute;
import org.jpyc.ast.Await;
import org.jpyc.ast.BinOp;
import org.jpyc.ast.BoolOp;
import org.jpyc.ast.BoolopNode;
import org.jpyc.ast.Call;
import org.jpyc.ast.Compare;
import org.jpyc.ast.Comprehension;
import org.jpyc.ast.Constant;
import org.jpyc.ast.Dict;
import org.jpyc.ast.DictComp;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.FormattedValue;
import org.jpyc.ast.GeneratorExp;
import org.jpyc.ast.IfExp;
import org.jpyc.ast.Interpolation;
import org.jpyc.ast.JoinedStr;
import org.jpyc.ast.Keyword;
import org.jpyc.ast.Lambda;
import org.jpyc.ast.ListComp;
import org.jpyc.ast.Name;
import org.jpyc.ast.NamedExpr;
import org.jpyc.ast.SetComp;
import org.jpyc.ast.Slice;
import org.jpyc.ast.Starred;
import org.jpyc.ast.Subscript;
import org.jpyc.ast.TemplateStr;
import org.jpyc.ast.Tuple;
import org.jpyc.ast.UnaryOp;
import org.jpyc.ast.Yield;
import org.jpyc.ast.YieldFrom;
import org.jpyc.object.PyComplex;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyFloat;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyRepr;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;

/**
 * The annotation unparser of Python/ast_unparse.c (3.13), {@code _PyAST_ExprAsUnicode}: the source text
 * stored for an annotation under {@code from __future__ import annotations}.
 */
public final class AnnotationUnparser {
    /** Priority levels ({@code PR_*}). */
    private static final int PR_TUPLE = 0, PR_TEST = 1, PR_OR = 2, PR_AND = 3, PR_NOT = 4, PR_CMP = 5, PR_EXPR = 6,
            PR_BOR = 6, PR_BXOR = 7, PR_BAND = 8, PR_SHIFT = 9, PR_ARITH = 10, PR_TERM = 11, PR_FACTOR = 12,
            PR_POWER = 13, PR_AWAIT = 14, PR_ATOM = 15;

    private final StringBuilder out = new StringBuilder();
    private final PyVersion version;

    private AnnotationUnparser(PyVersion version) {
        this.version = version;
    }

    /** {@code _PyAST_ExprAsUnicode} for 3.13. */
    public static String exprAsUnicode(ExprNode e) {
        return exprAsUnicode(e, PyVersion.V3_13);
    }

    /** {@code _PyAST_ExprAsUnicode}, constants' reprs as {@code version} writes them. */
    public static String exprAsUnicode(ExprNode e, PyVersion version) {
        return asUnicode(e, PR_TEST, version);
    }

    /** {@code expr_as_unicode}. */
    private static String asUnicode(ExprNode e, int level, PyVersion version) {
        AnnotationUnparser w = new AnnotationUnparser(version);
        w.expr(e, level);
        return w.out.toString();
    }

    private void str(String s) {
        out.append(s);
    }

    private void strIf(boolean cond, String s) {
        if (cond) out.append(s);
    }

    /** {@code append_repr}: an infinite float, and any complex, have "inf" spelt "1e309". */
    private void repr(PyObject obj) {
        String r = PyRepr.repr(obj, version);
        if ((obj instanceof PyFloat f && Double.isInfinite(f.value())) || obj instanceof PyComplex) {
            r = r.replace("inf", "1e309");
        }
        out.append(r);
    }

    /** {@code append_ast_expr}. */
    private void expr(ExprNode e, int level) {
        if (e instanceof BoolOp b) {
            boolean and = b.op() == BoolopNode.And;
            int pr = and ? PR_AND : PR_OR;
            strIf(level > pr, "(");
            for (int i = 0; i < b.values().size(); i++) {
                strIf(i > 0, and ? " and " : " or ");
                expr(b.values().get(i), pr + 1);
            }
            strIf(level > pr, ")");
        } else if (e instanceof BinOp b) {
            binop(b, level);
        } else if (e instanceof UnaryOp u) {
            String op;
            int pr;
            switch (u.op()) {
                case Invert -> { op = "~"; pr = PR_FACTOR; }
                case Not -> { op = "not "; pr = PR_NOT; }
                case UAdd -> { op = "+"; pr = PR_FACTOR; }
                default -> { op = "-"; pr = PR_FACTOR; }
            }
            strIf(level > pr, "(");
            str(op);
            expr(u.operand(), pr);
            strIf(level > pr, ")");
        } else if (e instanceof Lambda l) {
            strIf(level > PR_TEST, "(");
            int positional = FunctionCodegen.size(l.args().args()) + FunctionCodegen.size(l.args().posonlyargs());
            str(positional > 0 ? "lambda " : "lambda");
            args(l.args());
            str(": ");
            expr(l.body(), PR_TEST);
            strIf(level > PR_TEST, ")");
        } else if (e instanceof IfExp i) {
            strIf(level > PR_TEST, "(");
            expr(i.body(), PR_TEST + 1);
            str(" if ");
            expr(i.test(), PR_TEST + 1);
            str(" else ");
            expr(i.orelse(), PR_TEST);
            strIf(level > PR_TEST, ")");
        } else if (e instanceof Dict d) {
            str("{");
            for (int i = 0; i < d.values().size(); i++) {
                strIf(i > 0, ", ");
                ExprNode key = d.keys().get(i);
                if (key != null) {
                    expr(key, PR_TEST);
                    str(": ");
                    expr(d.values().get(i), PR_TEST);
                } else {
                    str("**");
                    expr(d.values().get(i), PR_EXPR);
                }
            }
            str("}");
        } else if (e instanceof org.jpyc.ast.Set s) {
            str("{");
            elements(s.elts());
            str("}");
        } else if (e instanceof GeneratorExp g) {
            genexp(g);
        } else if (e instanceof ListComp lc) {
            str("[");
            expr(lc.elt(), PR_TEST);
            comprehensions(lc.generators());
            str("]");
        } else if (e instanceof SetComp sc) {
            str("{");
            expr(sc.elt(), PR_TEST);
            comprehensions(sc.generators());
            str("}");
        } else if (e instanceof DictComp dc) {
            str("{");
            expr(dc.key(), PR_TEST);
            str(": ");
            expr(dc.value(), PR_TEST);
            comprehensions(dc.generators());
            str("}");
        } else if (e instanceof Yield y) {
            if (y.value() == null) {
                str("(yield)");
            } else {
                str("(yield ");
                expr(y.value(), PR_TEST);
                str(")");
            }
        } else if (e instanceof YieldFrom y) {
            str("(yield from ");
            expr(y.value(), PR_TEST);
            str(")");
        } else if (e instanceof Await a) {
            strIf(level > PR_AWAIT, "(");
            str("await ");
            expr(a.value(), PR_ATOM);
            strIf(level > PR_AWAIT, ")");
        } else if (e instanceof Compare cmp) {
            compare(cmp, level);
        } else if (e instanceof Call call) {
            call(call);
        } else if (e instanceof Constant k) {
            if (k.value() == PyConst.ELLIPSIS) {
                str("...");
                return;
            }
            if (k.kind() != null) str(k.kind());
            constant(k.value());
        } else if (e instanceof JoinedStr j) {
            joinedStr(j, false);
        } else if (e instanceof FormattedValue f) {
            formattedValue(f);
        } else if (e instanceof TemplateStr t) {
            templateStr(t);
        } else if (e instanceof Interpolation i) {
            interpolation(i);
        } else if (e instanceof Attribute a) {
            ExprNode v = a.value();
            expr(v, PR_ATOM);
            str(v instanceof Constant k && k.value() instanceof PyInt ? " ." : ".");
            str(a.attr());
        } else if (e instanceof Subscript s) {
            expr(s.value(), PR_ATOM);
            str("[");
            expr(s.slice(), PR_TUPLE);
            str("]");
        } else if (e instanceof Starred s) {
            str("*");
            expr(s.value(), PR_EXPR);
        } else if (e instanceof Slice s) {
            if (s.lower() != null) expr(s.lower(), PR_TEST);
            str(":");
            if (s.upper() != null) expr(s.upper(), PR_TEST);
            if (s.step() != null) {
                str(":");
                expr(s.step(), PR_TEST);
            }
        } else if (e instanceof Name n) {
            str(n.id());
        } else if (e instanceof org.jpyc.ast.List l) {
            str("[");
            elements(l.elts());
            str("]");
        } else if (e instanceof Tuple t) {
            int n = t.elts().size();
            if (n == 0) {
                str("()");
                return;
            }
            strIf(level > PR_TUPLE, "(");
            elements(t.elts());
            strIf(n == 1, ",");
            strIf(level > PR_TUPLE, ")");
        } else if (e instanceof NamedExpr ne) {
            strIf(level > PR_TUPLE, "(");
            expr(ne.target(), PR_ATOM);
            str(" := ");
            expr(ne.value(), PR_ATOM);
            strIf(level > PR_TUPLE, ")");
        } else {
            throw new PyCompileError("SystemError", "unknown expression kind", null, null, null, null, -1);
        }
    }

    private void elements(List<ExprNode> elts) {
        for (int i = 0; i < elts.size(); i++) {
            strIf(i > 0, ", ");
            expr(elts.get(i), PR_TEST);
        }
    }

    /** {@code append_ast_binop}. */
    private void binop(BinOp b, int level) {
        String op;
        int pr;
        boolean rassoc = false;
        switch (b.op()) {
            case Add -> { op = " + "; pr = PR_ARITH; }
            case Sub -> { op = " - "; pr = PR_ARITH; }
            case Mult -> { op = " * "; pr = PR_TERM; }
            case MatMult -> { op = " @ "; pr = PR_TERM; }
            case Div -> { op = " / "; pr = PR_TERM; }
            case Mod -> { op = " % "; pr = PR_TERM; }
            case LShift -> { op = " << "; pr = PR_SHIFT; }
            case RShift -> { op = " >> "; pr = PR_SHIFT; }
            case BitOr -> { op = " | "; pr = PR_BOR; }
            case BitXor -> { op = " ^ "; pr = PR_BXOR; }
            case BitAnd -> { op = " & "; pr = PR_BAND; }
            case FloorDiv -> { op = " // "; pr = PR_TERM; }
            default -> { op = " ** "; pr = PR_POWER; rassoc = true; }
        }
        strIf(level > pr, "(");
        expr(b.left(), pr + (rassoc ? 1 : 0));
        str(op);
        expr(b.right(), pr + (rassoc ? 0 : 1));
        strIf(level > pr, ")");
    }

    /** {@code append_ast_compare}. */
    private void compare(Compare cmp, int level) {
        strIf(level > PR_CMP, "(");
        expr(cmp.left(), PR_CMP + 1);
        for (int i = 0; i < cmp.comparators().size(); i++) {
            str(switch (cmp.ops().get(i)) {
                case Eq -> " == ";
                case NotEq -> " != ";
                case Lt -> " < ";
                case LtE -> " <= ";
                case Gt -> " > ";
                case GtE -> " >= ";
                case Is -> " is ";
                case IsNot -> " is not ";
                case In -> " in ";
                case NotIn -> " not in ";
            });
            expr(cmp.comparators().get(i), PR_CMP + 1);
        }
        strIf(level > PR_CMP, ")");
    }

    /** {@code append_ast_arg}. */
    private void arg(Arg a) {
        str(a.arg());
        if (a.annotation() != null) {
            str(": ");
            expr(a.annotation(), PR_TEST);
        }
    }

    /** {@code append_ast_args}. */
    private void args(Arguments args) {
        boolean first = true;
        int posonly = FunctionCodegen.size(args.posonlyargs());
        int argCount = FunctionCodegen.size(args.args());
        int defaults = FunctionCodegen.size(args.defaults());
        for (int i = 0; i < posonly + argCount; i++) {
            if (!first) str(", ");
            first = false;
            arg(i < posonly ? args.posonlyargs().get(i) : args.args().get(i - posonly));
            int di = i - posonly - argCount + defaults;
            if (di >= 0) {
                str("=");
                expr(args.defaults().get(di), PR_TEST);
            }
            if (posonly > 0 && i + 1 == posonly) str(", /");
        }
        int kwonly = FunctionCodegen.size(args.kwonlyargs());
        if (args.vararg() != null || kwonly > 0) {
            if (!first) str(", ");
            first = false;
            str("*");
            if (args.vararg() != null) arg(args.vararg());
        }
        int kwDefaults = FunctionCodegen.size(args.kwDefaults());
        for (int i = 0; i < kwonly; i++) {
            if (!first) str(", ");
            first = false;
            arg(args.kwonlyargs().get(i));
            int di = i - kwonly + kwDefaults;
            if (di >= 0) {
                ExprNode d = args.kwDefaults().get(di);
                if (d != null) {
                    str("=");
                    expr(d, PR_TEST);
                }
            }
        }
        if (args.kwarg() != null) {
            if (!first) str(", ");
            str("**");
            arg(args.kwarg());
        }
    }

    private void genexp(GeneratorExp g) {
        str("(");
        expr(g.elt(), PR_TEST);
        comprehensions(g.generators());
        str(")");
    }

    /** {@code append_ast_comprehensions}. */
    private void comprehensions(List<Comprehension> gens) {
        for (Comprehension gen : gens) {
            str(gen.isAsync() != 0 ? " async for " : " for ");
            expr(gen.target(), PR_TUPLE);
            str(" in ");
            expr(gen.iter(), PR_TEST + 1);
            for (ExprNode cond : gen.ifs()) {
                str(" if ");
                expr(cond, PR_TEST + 1);
            }
        }
    }

    /** {@code append_ast_call}. */
    private void call(Call e) {
        expr(e.func(), PR_ATOM);
        int nargs = FunctionCodegen.size(e.args()), nkw = FunctionCodegen.size(e.keywords());
        if (nargs == 1 && nkw == 0 && e.args().get(0) instanceof GeneratorExp g) {
            genexp(g);
            return;
        }
        str("(");
        boolean first = true;
        for (int i = 0; i < nargs; i++) {
            if (!first) str(", ");
            first = false;
            expr(e.args().get(i), PR_TEST);
        }
        for (int i = 0; i < nkw; i++) {
            if (!first) str(", ");
            first = false;
            Keyword kw = e.keywords().get(i);
            if (kw.arg() == null) {
                str("**");
            } else {
                str(kw.arg());
                str("=");
            }
            expr(kw.value(), PR_TEST);
        }
        str(")");
    }

    /** {@code append_ast_constant}: tuples item by item, anything else by repr. */
    private void constant(PyObject k) {
        if (k instanceof PyTuple t) {
            str("(");
            for (int i = 0; i < t.size(); i++) {
                strIf(i > 0, ", ");
                constant(t.get(i));
            }
            strIf(t.size() == 1, ",");
            str(")");
            return;
        }
        repr(k);
    }

    /** {@code append_fstring_element}. */
    private void fstringElement(ExprNode e, boolean isFormatSpec) {
        if (e instanceof Constant k) {
            str(((PyStr) k.value()).value().replace("{", "{{").replace("}", "}}"));
        } else if (e instanceof JoinedStr j) {
            joinedStr(j, isFormatSpec);
        } else if (e instanceof FormattedValue f) {
            formattedValue(f);
        } else if (e instanceof TemplateStr t) {
            templateStr(t);
        } else if (e instanceof Interpolation i) {
            interpolation(i);
        } else {
            throw new PyCompileError("SystemError", "unknown expression kind inside f-string", null, null, null, null, -1);
        }
    }

    /**
     * {@code append_templatestr} (3.14): {@code t'...'} quoted by repr; f-string parts of an implicit
     * concatenation are written apart as {@code f'...'}, separated by spaces.
     */
    private void templateStr(TemplateStr t) {
        List<ExprNode> values = t.values();
        int len = values.size();
        if (len == 0) {
            valuesSubarray(values, 0, -1, 't');
            return;
        }
        int last = 0;
        for (int i = 0; i < len; i++) {
            if (values.get(i) instanceof FormattedValue) {
                if (i > last) {
                    valuesSubarray(values, last, i - 1, 't');
                    str(" ");
                }
                valuesSubarray(values, i, i, 'f');
                if (i + 1 < len) str(" ");
                last = i + 1;
            }
        }
        if (last < len) valuesSubarray(values, last, len - 1, 't');
    }

    /** {@code _write_values_subarray} (3.14): {@code values[first..last]} as one prefixed, quoted literal. */
    private void valuesSubarray(List<ExprNode> values, int first, int last, char prefix) {
        AnnotationUnparser body = new AnnotationUnparser(version);
        for (int i = first; i <= last; i++) body.fstringElement(values.get(i), false);
        str(String.valueOf(prefix));
        repr(PyStr.of(body.out.toString(), false));
    }

    /** {@code append_interpolation} (3.14): the interpolation's source text, conversion and format spec in braces. */
    private void interpolation(Interpolation i) {
        String text = ((PyStr) i.str()).value();
        str(text.startsWith("{") ? "{ " : "{");
        str(text);
        if (i.conversion() > 0) {
            str(switch (i.conversion()) {
                case 'a' -> "!a";
                case 'r' -> "!r";
                case 's' -> "!s";
                default -> throw new PyCompileError("SystemError", "unknown f-value conversion kind", null, null, null, null, -1);
            });
        }
        if (i.formatSpec() != null) {
            str(":");
            fstringElement(i.formatSpec(), true);
        }
        str("}");
    }

    /** {@code append_joinedstr}: the body built apart, then quoted by repr unless it is a format spec. */
    private void joinedStr(JoinedStr j, boolean isFormatSpec) {
        AnnotationUnparser body = new AnnotationUnparser(version);
        for (ExprNode v : j.values()) body.fstringElement(v, isFormatSpec);
        if (!isFormatSpec) {
            str("f");
            repr(PyStr.of(body.out.toString(), false));
        } else {
            str(body.out.toString());
        }
    }

    /** {@code append_formattedvalue}. */
    private void formattedValue(FormattedValue f) {
        String inner = asUnicode(f.value(), PR_TEST + 1, version);
        str(inner.startsWith("{") ? "{ " : "{");
        str(inner);
        if (f.conversion() > 0) {
            str(switch (f.conversion()) {
                case 'a' -> "!a";
                case 'r' -> "!r";
                case 's' -> "!s";
                default -> throw new PyCompileError("SystemError", "unknown f-value conversion kind", null, null, null, null, -1);
            });
        }
        if (f.formatSpec() != null) {
            str(":");
            fstringElement(f.formatSpec(), true);
        }
        str("}");
    }
}
