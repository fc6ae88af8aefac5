package org.jpyc.codegen;

import java.util.List;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.FormattedValue;
import org.jpyc.ast.JoinedStr;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.version.Feature;
import org.jpyc.object.PyStr;

/** f-strings (Python/compile.c of 3.13): {@code compiler_joined_str} and {@code compiler_formatted_value}. */
final class FStringCodegen {
    private FStringCodegen() {}

    /** {@code FVC_STR}, {@code FVC_REPR}, {@code FVC_ASCII} (Include/ceval.h): CONVERT_VALUE's oparg. */
    private static final int FVC_STR = 1, FVC_REPR = 2, FVC_ASCII = 3;
    /** {@code FVC_NONE} and {@code FVS_HAVE_SPEC}: 3.12's FORMAT_VALUE oparg parts. */
    private static final int FVC_NONE = 0, FVS_HAVE_SPEC = 4;

    /**
     * {@code compiler_joined_str}: the parts then BUILD_STRING; past the stack guideline,
     * {@code "".join([...])} built part by part.
     */
    static void joinedStr(Codegen c, JoinedStr e) {
        Location loc = Location.of(e);
        List<ExprNode> values = e.values();
        int n = values.size();
        if (n > ExprCodegen.STACK_USE_GUIDELINE) {
            c.loadConst(PyStr.of("", true), loc);
            c.addOpName(Op.LOAD_METHOD, "join", loc);
            c.addOpI(Op.BUILD_LIST, 0, loc);
            for (ExprNode v : values) {
                c.visitExpr(v);
                c.addOpI(Op.LIST_APPEND, 1, loc);
            }
            c.addMethodCall(1, loc);
            return;
        }
        for (ExprNode v : values) c.visitExpr(v);
        if (n > 1) {
            c.addOpI(Op.BUILD_STRING, n, loc);
        } else if (n == 0) {
            if (c.version.has(Feature.JOINED_STR_EMPTY_CONST)) {
                c.loadConst(PyStr.of("", true), loc);
            } else {
                c.addOpI(Op.BUILD_STRING, 0, loc);
            }
        }
    }

    /**
     * {@code compiler_formatted_value}: the value, CONVERT_VALUE for {@code !s/!r/!a}, then
     * FORMAT_SIMPLE or the spec and FORMAT_WITH_SPEC. Version seam: up to 3.12 one FORMAT_VALUE
     * whose oparg is the conversion, plus 4 with a spec.
     */
    /** {@code compiler_formatted_value} of 3.12: one FORMAT_VALUE, the conversion plus {@code FVS_HAVE_SPEC}. */
    private static void formatValue312(Codegen c, FormattedValue e, Location loc, int conversion) {
        int oparg = switch (conversion) {
            case 's' -> FVC_STR;
            case 'r' -> FVC_REPR;
            case 'a' -> FVC_ASCII;
            case -1 -> FVC_NONE;
            default -> throw new IllegalStateException("SystemError: Unrecognized conversion character " + conversion);
        };
        if (e.formatSpec() != null) {
            c.visitExpr(e.formatSpec());
            oparg |= FVS_HAVE_SPEC;
        }
        c.addOpI(Op.FORMAT_VALUE, oparg, loc);
    }

    static void formattedValue(Codegen c, FormattedValue e) {
        c.visitExpr(e.value());
        Location loc = Location.of(e);
        int conversion = e.conversion();
        if (!c.version.has(Feature.FORMAT_SIMPLE_AND_WITH_SPEC)) {
            formatValue312(c, e, loc, conversion);
            return;
        }
        if (conversion != -1) {
            int oparg = switch (conversion) {
                case 's' -> FVC_STR;
                case 'r' -> FVC_REPR;
                case 'a' -> FVC_ASCII;
                default -> throw new IllegalStateException("SystemError: Unrecognized conversion character " + conversion);
            };
            c.addOpI(Op.CONVERT_VALUE, oparg, loc);
        }
        if (e.formatSpec() != null) {
            c.visitExpr(e.formatSpec());
            c.addOp(Op.FORMAT_WITH_SPEC, loc);
        } else {
            c.addOp(Op.FORMAT_SIMPLE, loc);
        }
    }
}
