package org.jpyc.codegen;

import java.util.List;
import org.jpyc.ast.CmpopNode;
import org.jpyc.ast.Compare;
import org.jpyc.ast.Constant;
import org.jpyc.ast.Dict;
import org.jpyc.ast.DictComp;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.FormattedValue;
import org.jpyc.ast.GeneratorExp;
import org.jpyc.ast.JoinedStr;
import org.jpyc.ast.Lambda;
import org.jpyc.ast.ListComp;
import org.jpyc.ast.SetComp;
import org.jpyc.ast.Slice;
import org.jpyc.instrseq.Location;
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
 * The expression checks of Python/compile.c (3.13) that only ever warn ({@code SyntaxWarning}):
 * {@code check_compare}, {@code check_caller}, {@code check_subscripter}, {@code check_index}, with
 * {@code infer_type}. They never change the code; they go to {@link Codegen#warn}.
 */
final class Warnings {
    private Warnings() {}

    /** {@code infer_type}: the type name an expression certainly has, or null. */
    static String inferType(ExprNode e) {
        if (e instanceof org.jpyc.ast.Tuple) return "tuple";
        if (e instanceof org.jpyc.ast.List || e instanceof ListComp) return "list";
        if (e instanceof Dict || e instanceof DictComp) return "dict";
        if (e instanceof org.jpyc.ast.Set || e instanceof SetComp) return "set";
        if (e instanceof GeneratorExp) return "generator";
        if (e instanceof Lambda) return "function";
        if (e instanceof JoinedStr || e instanceof FormattedValue) return "str";
        if (e instanceof org.jpyc.ast.TemplateStr || e instanceof org.jpyc.ast.Interpolation) return "string.templatelib.Template";
        if (e instanceof Constant k) return k.value().typeName();
        return null;
    }

    /** {@code check_is_arg}: false for a constant other than None, True, False and Ellipsis. */
    private static boolean isArg(ExprNode e) {
        if (!(e instanceof Constant k)) return true;
        return k.value() instanceof PyConst;
    }

    /** {@code check_compare}: {@code is}/{@code is not} with a literal operand. */
    static void checkCompare(Codegen c, Compare e) {
        boolean left = isArg(e.left());
        ExprNode leftExpr = e.left();
        List<CmpopNode> ops = e.ops();
        for (int i = 0; i < ops.size(); i++) {
            CmpopNode op = ops.get(i);
            ExprNode rightExpr = e.comparators().get(i);
            boolean right = isArg(rightExpr);
            if ((op == CmpopNode.Is || op == CmpopNode.IsNot) && (!right || !left)) {
                String type = inferType(!left ? leftExpr : rightExpr);
                c.warn(Location.of(e), op == CmpopNode.Is
                        ? "\"is\" with '" + type + "' literal. Did you mean \"==\"?"
                        : "\"is not\" with '" + type + "' literal. Did you mean \"!=\"?");
                return;
            }
            left = right;
            leftExpr = rightExpr;
        }
    }

    /** {@code check_caller}: calling a literal or display. */
    static void checkCaller(Codegen c, ExprNode e) {
        if (e instanceof Constant || e instanceof org.jpyc.ast.Tuple || e instanceof org.jpyc.ast.List
                || e instanceof ListComp || e instanceof Dict || e instanceof DictComp || e instanceof org.jpyc.ast.Set
                || e instanceof SetComp || e instanceof GeneratorExp || e instanceof JoinedStr || e instanceof FormattedValue
                || e instanceof org.jpyc.ast.TemplateStr || e instanceof org.jpyc.ast.Interpolation) {
            c.warn(Location.of(e), "'" + inferType(e) + "' object is not callable; perhaps you missed a comma?");
        }
    }

    /** {@code check_subscripter}: subscripting something that cannot be subscripted. */
    static void checkSubscripter(Codegen c, ExprNode e) {
        if (e instanceof Constant k) {
            PyObject v = k.value();
            boolean warn = v == PyConst.NONE || v == PyConst.ELLIPSIS || v instanceof PyInt || v instanceof PyFloat
                    || v instanceof PyComplex || v instanceof PySet || v == PyConst.TRUE || v == PyConst.FALSE;
            if (!warn) return;
        } else if (!(e instanceof org.jpyc.ast.Set || e instanceof SetComp || e instanceof GeneratorExp || e instanceof Lambda
                || e instanceof org.jpyc.ast.TemplateStr || e instanceof org.jpyc.ast.Interpolation)) {
            return;
        }
        c.warn(Location.of(e), "'" + inferType(e) + "' object is not subscriptable; perhaps you missed a comma?");
    }

    /** {@code check_index}: indexing a sequence with something that is not an integer or slice. */
    static void checkIndex(Codegen c, ExprNode e, ExprNode s) {
        String indexType = inferType(s);
        if (indexType == null || s instanceof Slice || isIntType(s)) return;
        if (e instanceof Constant k) {
            PyObject v = k.value();
            if (!(v instanceof PyStr || v instanceof PyBytes || v instanceof PyTuple)) return;
        } else if (!(e instanceof org.jpyc.ast.Tuple || e instanceof org.jpyc.ast.List || e instanceof ListComp
                || e instanceof JoinedStr || e instanceof FormattedValue)) {
            return;
        }
        c.warn(Location.of(e), inferType(e) + " indices must be integers or slices, not " + indexType
                + "; perhaps you missed a comma?");
    }

    /** Whether {@code infer_type(s)} is an int subclass (int or bool). */
    private static boolean isIntType(ExprNode s) {
        return s instanceof Constant k && (k.value() instanceof PyInt || k.value() == PyConst.TRUE || k.value() == PyConst.FALSE);
    }
}
