package org.jpyc.codegen;

import java.util.List;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.Interpolation;
import org.jpyc.ast.TemplateStr;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyStr;

/**
 * PEP 750 template strings (Python/codegen.c of 3.14: {@code codegen_template_str},
 * {@code codegen_interpolation}), compiled only when {@link org.jpyc.version.Feature#TEMPLATE_STRINGS} is on
 * (a {@code t"..."} literal is in no earlier AST).
 */
final class TemplateStrCodegen {
    private TemplateStrCodegen() {}

    /** {@code FVC_STR}, {@code FVC_REPR}, {@code FVC_ASCII} (Include/ceval.h), shifted into BUILD_INTERPOLATION's oparg. */
    private static final int FVC_STR = 1, FVC_REPR = 2, FVC_ASCII = 3;

    /**
     * {@code codegen_template_str}: the static strings as one tuple (an empty string before, between and
     * after interpolations that have no text between them), the interpolations as another, then
     * BUILD_TEMPLATE.
     */
    static void templateStr(Codegen c, TemplateStr e) {
        Location loc = Location.of(e);
        List<ExprNode> values = e.values();
        boolean lastWasInterpolation = true;
        int strings = 0;
        for (ExprNode v : values) {
            if (v instanceof Interpolation) {
                if (lastWasInterpolation) {
                    c.loadConst(PyStr.of("", true), loc);
                    strings++;
                }
                lastWasInterpolation = true;
            } else {
                c.visitExpr(v);
                strings++;
                lastWasInterpolation = false;
            }
        }
        if (lastWasInterpolation) {
            c.loadConst(PyStr.of("", true), loc);
            strings++;
        }
        c.addOpI(Op.BUILD_TUPLE, strings, loc);
        int interpolations = 0;
        for (ExprNode v : values) {
            if (v instanceof Interpolation) {
                c.visitExpr(v);
                interpolations++;
            }
        }
        c.addOpI(Op.BUILD_TUPLE, interpolations, loc);
        c.addOp(Op.BUILD_TEMPLATE, loc);
    }

    /**
     * {@code codegen_interpolation}: the value, its source text, the format spec if any, then
     * BUILD_INTERPOLATION whose oparg is 2 (+1 with a spec) with the conversion in the bits above.
     */
    static void interpolation(Codegen c, Interpolation e) {
        Location loc = Location.of(e);
        c.visitExpr(e.value());
        c.loadConst(e.str(), loc);
        int oparg = 2;
        if (e.formatSpec() != null) {
            oparg++;
            c.visitExpr(e.formatSpec());
        }
        int conversion = e.conversion();
        if (conversion != -1) {
            oparg |= switch (conversion) {
                case 's' -> FVC_STR;
                case 'r' -> FVC_REPR;
                case 'a' -> FVC_ASCII;
                default -> throw new IllegalStateException("SystemError: Unrecognized conversion character " + conversion);
            } << 2;
        }
        c.addOpI(Op.BUILD_INTERPOLATION, oparg, loc);
    }
}
