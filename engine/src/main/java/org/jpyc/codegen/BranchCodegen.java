package org.jpyc.codegen;

import java.util.List;
import org.jpyc.ast.BoolOp;
import org.jpyc.ast.BoolopNode;
import org.jpyc.ast.CmpopNode;
import org.jpyc.ast.Compare;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.IfExp;
import org.jpyc.ast.UnaryOp;
import org.jpyc.ast.UnaryopNode;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;

/**
 * Short-circuiting and comparing (Python/compile.c of 3.13): {@code compiler_boolop},
 * {@code compiler_ifexp}, {@code compiler_compare} with chained comparisons,
 * {@code compiler_addcompare} and {@code compiler_jump_if}.
 */
final class BranchCodegen {
    private BranchCodegen() {}

    /** {@code COMPARISON_*} bits of COMPARE_OP's low oparg bits (Include/internal/pycore_code.h). */
    private static final int UNORDERED = 1, LESS_THAN = 2, GREATER_THAN = 4, EQUALS = 8;

    /**
     * TO_BOOL before a conditional jump or {@code not} (3.13+; before 3.13 the jumps and UNARY_NOT
     * converted for themselves and nothing is emitted: the seam for that version).
     */
    static void toBool(Codegen c, Location loc) {
        if (c.version.has(org.jpyc.version.Feature.TO_BOOL)) c.addOp(Op.TO_BOOL, loc);
    }

    /** {@code compiler_boolop}: each value but the last is tested on a copy, jumping to the end when decided. */
    static void boolOp(Codegen c, BoolOp e) {
        Location loc = Location.of(e);
        Op jump = e.op() == BoolopNode.And ? Op.POP_JUMP_IF_FALSE : Op.POP_JUMP_IF_TRUE;
        int end = c.newLabel();
        List<ExprNode> values = e.values();
        int n = values.size() - 1;
        boolean pseudo = c.version.has(org.jpyc.version.Feature.BOOLOP_PSEUDO_JUMPS);
        boolean orPop = c.version.has(org.jpyc.version.Feature.JUMP_IF_OR_POP);
        for (int i = 0; i < n; i++) {
            c.visitExpr(values.get(i));
            if (orPop) {
                // 3.11: one jump that keeps the value when it jumps and pops it when it falls through
                c.addJump(e.op() == BoolopNode.And ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP, end, loc);
                continue;
            }
            if (pseudo) {
                // 3.14: one pseudo jump that keeps the value (flowgraph expands it)
                c.addJump(e.op() == BoolopNode.And ? Op.JUMP_IF_FALSE : Op.JUMP_IF_TRUE, end, loc);
            } else {
                c.addOpI(Op.COPY, 1, loc);
                toBool(c, loc);
                c.addJump(jump, end, loc);
            }
            c.addOp(Op.POP_TOP, loc);
        }
        c.visitExpr(values.get(n));
        c.useLabel(end);
    }

    /** {@code compiler_ifexp}. */
    static void ifExp(Codegen c, IfExp e) {
        int end = c.newLabel();
        int next = c.newLabel();
        jumpIf(c, Location.of(e), e.test(), next, false);
        c.visitExpr(e.body());
        c.addForwardJumpNoInterrupt(end, Location.NO_LOCATION);
        c.useLabel(next);
        c.visitExpr(e.orelse());
        c.useLabel(end);
    }

    /** {@code compiler_compare}: a single comparison, or a chain that stops at the first false link. */
    static void compare(Codegen c, Compare e) {
        Location loc = Location.of(e);
        Warnings.checkCompare(c, e);
        c.visitExpr(e.left());
        List<CmpopNode> ops = e.ops();
        List<ExprNode> comparators = e.comparators();
        int n = ops.size() - 1;
        if (n == 0) {
            c.visitExpr(comparators.get(0));
            addCompare(c, loc, ops.get(0));
            return;
        }
        int cleanup = c.newLabel();
        for (int i = 0; i < n; i++) {
            c.visitExpr(comparators.get(i));
            chainLink(c, loc);
            addCompare(c, loc, ops.get(i));
            if (c.version.has(org.jpyc.version.Feature.JUMP_IF_OR_POP)) {
                c.addJump(Op.JUMP_IF_FALSE_OR_POP, cleanup, loc);
                continue;
            }
            c.addOpI(Op.COPY, 1, loc);
            toBool(c, loc);
            c.addJump(Op.POP_JUMP_IF_FALSE, cleanup, loc);
            c.addOp(Op.POP_TOP, loc);
        }
        c.visitExpr(comparators.get(n));
        addCompare(c, loc, ops.get(n));
        int end = c.newLabel();
        c.addForwardJumpNoInterrupt(end, Location.NO_LOCATION);
        c.useLabel(cleanup);
        c.addOpI(Op.SWAP, 2, loc);
        c.addOp(Op.POP_TOP, loc);
        c.useLabel(end);
    }

    /** The stack of a comparison chain's inner link: the right operand kept under the two compared (SWAP 2, COPY 2;
     *  3.10: DUP_TOP, ROT_THREE, {@code Feature.SWAP_COPY}). */
    private static void chainLink(Codegen c, Location loc) {
        if (c.version.has(org.jpyc.version.Feature.SWAP_COPY)) {
            c.addOpI(Op.SWAP, 2, loc);
            c.addOpI(Op.COPY, 2, loc);
        } else {
            c.addOp(Op.DUP_TOP, loc);
            c.addOp(Op.ROT_THREE, loc);
        }
    }

    /**
     * {@code compiler_addcompare} ({@code ADDOP_COMPARE}): IS_OP/CONTAINS_OP with the negation bit,
     * or COMPARE_OP with the rich-comparison code in the high bits and its outcome mask in the low
     * four (the bool-conversion bit 4 is set later by the optimizer). Version seam: 3.12 shifts the
     * code by 4 (no bool bit), 3.11 and earlier use the bare code.
     */
    static void addCompare(Codegen c, Location loc, CmpopNode op) {
        switch (op) {
            case Is -> c.addOpI(Op.IS_OP, 0, loc);
            case IsNot -> c.addOpI(Op.IS_OP, 1, loc);
            case In -> c.addOpI(Op.CONTAINS_OP, 0, loc);
            case NotIn -> c.addOpI(Op.CONTAINS_OP, 1, loc);
            default -> {
                int arg = c.compareOpargs[op.ordinal()] - 1;
                if (arg < 0) {
                    arg = compareOparg(c, op);
                    c.compareOpargs[op.ordinal()] = arg + 1;
                }
                c.addOpI(Op.COMPARE_OP, arg, loc);
            }
        }
    }

    /** The COMPARE_OP oparg of a rich comparison: its {@code cmp_op} index, shifted, with the version's mask bits. */
    private static int compareOparg(Codegen c, CmpopNode op) {
        String sym = switch (op) {
            case Eq -> "==";
            case NotEq -> "!=";
            case Lt -> "<";
            case LtE -> "<=";
            case Gt -> ">";
            case GtE -> ">=";
            default -> throw new IllegalStateException("comparison " + op);
        };
        int cmp = c.ops.indexIn("cmp_op", sym);
        int mask = switch (op) {
            case Lt -> LESS_THAN;
            case LtE -> LESS_THAN | EQUALS;
            case Eq -> EQUALS;
            case NotEq -> UNORDERED | LESS_THAN | GREATER_THAN;
            case Gt -> GREATER_THAN;
            case GtE -> GREATER_THAN | EQUALS;
            default -> throw new IllegalStateException("comparison " + op);
        };
        // 3.11: the bare comparison
        if (!c.version.has(org.jpyc.version.Feature.COMPARE_OP_MASK_BITS)) return cmp;
        return (cmp << (c.version.has(org.jpyc.version.Feature.COMPARE_OP_BOOL_BIT) ? 5 : 4)) | mask;
    }

    /**
     * {@code compiler_jump_if}: jumps to {@code next} when {@code e} is true ({@code cond}) or false
     * ({@code !cond}), without materialising {@code not}, {@code and}/{@code or}, conditional
     * expressions or chained comparisons as values.
     */
    static Location jumpIf(Codegen c, Location loc, ExprNode e, int next, boolean cond) {
        int[] depth = DeepExpr.depth(c);
        if (DeepExpr.mustHop(depth[0])) {
            Location[] after = new Location[1];
            DeepExpr.run(() -> after[0] = jumpIf(c, loc, e, next, cond));
            return after[0];
        }
        depth[0]++;
        try {
            return jumpIf1(c, loc, e, next, cond);
        } finally {
            depth[0]--;
        }
    }

    /** {@code compiler_jump_if} itself ({@link #jumpIf} keeps deep conditions off a small stack). */
    private static Location jumpIf1(Codegen c, Location loc, ExprNode e, int next, boolean cond) {
        // 'not' only flips the sense: iterate instead of recursing on the operand
        while (e instanceof UnaryOp u && u.op() == UnaryopNode.Not) {
            e = u.operand();
            cond = !cond;
        }
        if (e instanceof BoolOp b) {
            return jumpIfBoolOp(c, loc, b, next, cond);
        }
        if (e instanceof IfExp i) {
            int end = c.newLabel();
            int next2 = c.newLabel();
            Location cur = jumpIf(c, loc, i.test(), next2, false);
            cur = jumpIf(c, cur, i.body(), next, cond);
            c.addForwardJumpNoInterrupt(end, Location.NO_LOCATION);
            c.useLabel(next2);
            cur = jumpIf(c, cur, i.orelse(), next, cond);
            c.useLabel(end);
            return cur;
        }
        if (e instanceof Compare cmp && cmp.ops().size() > 1) {
            jumpIfChainedCompare(c, cmp, next, cond);
            return atTest(c) ? loc : Location.of(e);
        }
        c.visitExpr(e);
        Location eloc = Location.of(e);
        if (!atTest(c)) {
            // 3.11: the jump has the location in force, which a single comparison sets to its own and leaves so
            if (!(e instanceof Compare)) eloc = loc;
            c.addJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, next, eloc);
            return eloc;
        }
        toBool(c, eloc);
        c.addJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, next, eloc);
        return loc;
    }

    /** Whether the general case of {@code compiler_jump_if} jumps at the test's own location ({@code Feature.JUMP_IF_AT_TEST}). */
    private static boolean atTest(Codegen c) {
        return c.version.has(org.jpyc.version.Feature.JUMP_IF_AT_TEST);
    }

    /** The {@code BoolOp} case of {@code compiler_jump_if}. */
    private static Location jumpIfBoolOp(Codegen c, Location loc, BoolOp b, int next, boolean cond) {
        List<ExprNode> values = b.values();
        int n = values.size() - 1;
        boolean cond2 = b.op() == BoolopNode.Or;
        int next2 = cond2 != cond ? c.newLabel() : next;
        for (int i = 0; i < n; i++) loc = jumpIf(c, loc, values.get(i), next2, cond2);
        loc = jumpIf(c, loc, values.get(n), next, cond);
        if (next2 != next) c.useLabel(next2);
        return loc;
    }

    /** The chained {@code Compare} case of {@code compiler_jump_if}. */
    private static void jumpIfChainedCompare(Codegen c, Compare e, int next, boolean cond) {
        Location loc = Location.of(e);
        List<CmpopNode> ops = e.ops();
        List<ExprNode> comparators = e.comparators();
        int n = ops.size() - 1;
        Warnings.checkCompare(c, e);
        int cleanup = c.newLabel();
        c.visitExpr(e.left());
        for (int i = 0; i < n; i++) {
            c.visitExpr(comparators.get(i));
            chainLink(c, loc);
            addCompare(c, loc, ops.get(i));
            toBool(c, loc);
            c.addJump(Op.POP_JUMP_IF_FALSE, cleanup, loc);
        }
        c.visitExpr(comparators.get(n));
        addCompare(c, loc, ops.get(n));
        toBool(c, loc);
        c.addJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, next, loc);
        int end = c.newLabel();
        c.addForwardJumpNoInterrupt(end, Location.NO_LOCATION);
        c.useLabel(cleanup);
        c.addOp(Op.POP_TOP, loc);
        if (!cond) c.addForwardJumpNoInterrupt(next, Location.NO_LOCATION);
        c.useLabel(end);
    }
}
