package org.jpyc.codegen;

import java.util.List;
import org.jpyc.ast.AsyncWith;
import org.jpyc.ast.StmtNode;
import org.jpyc.ast.With;
import org.jpyc.ast.Withitem;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyConst;

/**
 * with statements of 3.10 (Python/compile.c 3.10.8: {@code compiler_with}, {@code compiler_async_with},
 * {@code compiler_with_except_finish}), chosen by {@code Feature.ZERO_COST_EXCEPTIONS}: SETUP_WITH (SETUP_ASYNC_WITH
 * after awaiting {@code __aenter__}) pushes the bound {@code __exit__} and a block; the exceptional exit calls it
 * through WITH_EXCEPT_START with the three exception values, re-raising unless it returned true.
 */
final class WithCodegen310 {
    private WithCodegen310() {}

    /** {@code compiler_with} for the whole statement. */
    static void visitWith(Codegen c, With s) {
        with(c, s, s.items(), s.body(), 0);
    }

    /** {@code compiler_async_with} for the whole statement. */
    static void visitAsyncWith(Codegen c, AsyncWith s) {
        asyncWith(c, s, s.items(), s.body(), 0);
    }

    /** {@code compiler_with}: item {@code pos} and, inside it, the rest. */
    private static void with(Codegen c, With s, List<Withitem> items, List<StmtNode> body, int pos) {
        Location loc = Location.of(s);
        Withitem item = items.get(pos);
        int block = c.newLabel();
        int fin = c.newLabel();
        int exit = c.newLabel();

        c.visitExpr(item.contextExpr());
        c.addJump(Op.SETUP_WITH, fin, loc);
        c.useLabel(block);
        c.pushFBlock(loc, FBlockType.WITH, block, fin, s);
        if (item.optionalVars() != null) c.visitExpr(item.optionalVars());
        else c.addOp(Op.POP_TOP, loc);

        if (pos + 1 == items.size()) c.visitStmts(body);
        else with(c, s, items, body, pos + 1);

        c.addOp(Op.POP_BLOCK, Location.NO_LOCATION);
        c.popFBlock(FBlockType.WITH, block);

        // normal exit: __exit__(None, None, None), at the statement's line (SET_LOC)
        c.callExitWithNones(loc);
        c.addOp(Op.POP_TOP, loc);
        c.addJump(Op.JUMP_FORWARD, exit, loc);

        c.useLabel(fin);
        c.addOp(Op.WITH_EXCEPT_START, loc);
        withExceptFinish(c, loc);
        c.useLabel(exit);
        c.unit().locInForce = loc;
    }

    /** {@code compiler_async_with}: as {@link #with}, awaiting {@code __aenter__} and {@code __aexit__}. */
    private static void asyncWith(Codegen c, AsyncWith s, List<Withitem> items, List<StmtNode> body, int pos) {
        Location loc = Location.of(s);
        Withitem item = items.get(pos);
        if (c.isTopLevelAwait()) {
            c.scope().coroutine = true;
        } else if (c.unit().scopeType != ScopeType.ASYNC_FUNCTION) {
            throw c.error(loc, "'async with' outside async function");
        }
        int block = c.newLabel();
        int fin = c.newLabel();
        int exit = c.newLabel();

        c.visitExpr(item.contextExpr());
        c.addOp(Op.BEFORE_ASYNC_WITH, loc);
        await(c, loc);
        c.addJump(Op.SETUP_ASYNC_WITH, fin, loc);

        c.useLabel(block);
        c.pushFBlock(loc, FBlockType.ASYNC_WITH, block, fin, s);
        if (item.optionalVars() != null) c.visitExpr(item.optionalVars());
        else c.addOp(Op.POP_TOP, loc);

        if (pos + 1 == items.size()) c.visitStmts(body);
        else asyncWith(c, s, items, body, pos + 1);

        c.popFBlock(FBlockType.ASYNC_WITH, block);
        // at the location the body left in force (no UNSET_LOC here)
        c.addOp(Op.POP_BLOCK, c.unit().locInForce);

        c.callExitWithNones(loc);
        await(c, loc);
        c.addOp(Op.POP_TOP, loc);
        c.addJump(Op.JUMP, exit, loc);

        c.useLabel(fin);
        c.addOp(Op.WITH_EXCEPT_START, loc);
        await(c, loc);
        withExceptFinish(c, loc);
        c.useLabel(exit);
        c.unit().locInForce = loc;
    }

    /** GET_AWAITABLE, None, YIELD_FROM. */
    private static void await(Codegen c, Location loc) {
        c.addOp(Op.GET_AWAITABLE, loc);
        c.loadConst(PyConst.NONE, loc);
        c.addYieldFrom(loc, true);
    }

    /** {@code compiler_with_except_finish}: re-raise unless {@code __exit__} returned true, else drop the exception. */
    private static void withExceptFinish(Codegen c, Location loc) {
        int exit = c.newLabel();
        c.addJump(Op.POP_JUMP_IF_TRUE, exit, loc);
        c.addOpI(Op.RERAISE, 1, loc);
        c.useLabel(exit);
        c.addOp(Op.POP_TOP, loc);
        c.addOp(Op.POP_TOP, loc);
        c.addOp(Op.POP_TOP, loc);
        c.addOp(Op.POP_EXCEPT, loc);
        c.addOp(Op.POP_TOP, loc);
    }
}
