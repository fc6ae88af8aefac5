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
 * with statements (PEP 343), Python/compile.c of 3.13: {@code compiler_with},
 * {@code compiler_async_with}, {@code compiler_with_except_finish}. Several items nest: item
 * {@code pos + 1} is compiled as the body of item {@code pos}.
 */
public final class WithCodegen {
    private WithCodegen() {}

    /** {@code compiler_with} for the whole statement. */
    public static void visitWith(Codegen c, With s) {
        with(c, s, s.items(), s.body(), 0);
    }

    /** {@code compiler_async_with} for the whole statement. */
    public static void visitAsyncWith(Codegen c, AsyncWith s) {
        asyncWith(c, s, s.items(), s.body(), 0);
    }

    /** {@code compiler_with}: item {@code pos} and, inside it, the rest. */
    private static void with(Codegen c, With s, List<Withitem> items, List<StmtNode> body, int pos) {
        Withitem item = items.get(pos);
        int block = c.newLabel();
        int fin = c.newLabel();
        int exit = c.newLabel();
        int cleanup = c.newLabel();

        c.visitExpr(item.contextExpr());
        // 3.12: the with machinery has the statement's location
        Location loc = c.version.has(org.jpyc.version.Feature.WITH_ITEM_LOCATION) ? Location.of(item.contextExpr()) : Location.of(s);
        enterContext(c, loc);
        c.addJump(Op.SETUP_WITH, fin, loc);

        c.useLabel(block);
        c.pushFBlock(loc, FBlockType.WITH, block, fin, s);
        if (item.optionalVars() != null) c.visitExpr(item.optionalVars());
        else c.addOp(Op.POP_TOP, loc);

        if (pos + 1 == items.size()) c.visitStmts(body);
        else with(c, s, items, body, pos + 1);

        c.addOp(Op.POP_BLOCK, Location.NO_LOCATION);
        c.popFBlock(FBlockType.WITH, block);

        // normal exit: __exit__(None, None, None)
        c.callExitWithNones(loc);
        c.addOp(Op.POP_TOP, loc);
        c.addJump(Op.JUMP, exit, loc);

        c.useLabel(fin);
        c.addJump(Op.SETUP_CLEANUP, cleanup, loc);
        c.addOp(Op.PUSH_EXC_INFO, loc);
        c.addOp(Op.WITH_EXCEPT_START, loc);
        withExceptFinish(c, cleanup);

        c.useLabel(exit);
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
        int cleanup = c.newLabel();

        c.visitExpr(item.contextExpr());
        // 3.12: the with machinery has the statement's location
        if (c.version.has(org.jpyc.version.Feature.WITH_ITEM_LOCATION)) loc = Location.of(item.contextExpr());
        enterAsyncContext(c, loc);
        c.addJump(Op.SETUP_WITH, fin, loc);

        c.useLabel(block);
        c.pushFBlock(loc, FBlockType.ASYNC_WITH, block, fin, s);
        if (item.optionalVars() != null) c.visitExpr(item.optionalVars());
        else c.addOp(Op.POP_TOP, loc);

        if (pos + 1 == items.size()) c.visitStmts(body);
        else asyncWith(c, s, items, body, pos + 1);

        c.popFBlock(FBlockType.ASYNC_WITH, block);
        // 3.11: at the location the body left in force
        c.addOp(Op.POP_BLOCK, c.version.has(org.jpyc.version.Feature.ASYNC_WITH_POP_BLOCK_AT_STATEMENT) ? loc : c.unit().locInForce);

        c.callExitWithNones(loc);
        awaitValue(c, 2, loc);
        c.addOp(Op.POP_TOP, loc);
        c.addJump(Op.JUMP, exit, loc);

        c.useLabel(fin);
        c.addJump(Op.SETUP_CLEANUP, cleanup, loc);
        c.addOp(Op.PUSH_EXC_INFO, loc);
        c.addOp(Op.WITH_EXCEPT_START, loc);
        awaitValue(c, 2, loc);
        withExceptFinish(c, cleanup);

        c.useLabel(exit);
        c.unit().locInForce = Location.NO_LOCATION; // 3.11: compiler_with_except_finish's UNSET_LOC
    }

    /**
     * The context manager on the stack becomes its bound {@code __exit__} under the result of
     * {@code __enter__()}. Version seam: 3.14 has no BEFORE_WITH and emits {@code COPY 1; LOAD_SPECIAL
     * __exit__; SWAP 2; SWAP 3; LOAD_SPECIAL __enter__; CALL 0}.
     */
    private static void enterContext(Codegen c, Location loc) {
        if (c.version.has(org.jpyc.version.Feature.WITH_LOAD_SPECIAL)) {
            loadSpecials(c, "__exit__", "__enter__", loc);
        } else {
            c.addOp(Op.BEFORE_WITH, loc);
        }
    }

    /** {@code codegen_with_inner} / {@code codegen_async_with_inner} (Python/codegen.c 3.14): the bound exit method
     *  under the self and enter method, then the enter call. */
    private static void loadSpecials(Codegen c, String exit, String enter, Location loc) {
        c.addOpI(Op.COPY, 1, loc);
        c.addOpI(Op.LOAD_SPECIAL, c.specialMethod(exit), loc);
        c.addOpI(Op.SWAP, 2, loc);
        c.addOpI(Op.SWAP, 3, loc);
        c.addOpI(Op.LOAD_SPECIAL, c.specialMethod(enter), loc);
        c.addCall(0, loc);
    }

    /** As {@link #enterContext} for {@code __aenter__}/{@code __aexit__}, awaiting {@code __aenter__()} (3.14: LOAD_SPECIAL). */
    private static void enterAsyncContext(Codegen c, Location loc) {
        if (c.version.has(org.jpyc.version.Feature.WITH_LOAD_SPECIAL)) {
            loadSpecials(c, "__aexit__", "__aenter__", loc);
        } else {
            c.addOp(Op.BEFORE_ASYNC_WITH, loc);
        }
        awaitValue(c, 1, loc);
    }

    /** {@code GET_AWAITABLE where; LOAD_CONST None; ADD_YIELD_FROM(await)}. */
    private static void awaitValue(Codegen c, int where, Location loc) {
        c.addOpI(Op.GET_AWAITABLE, where, loc);
        c.addSendNullSlot(loc);
        c.loadConst(PyConst.NONE, loc);
        c.addYieldFrom(loc, true);
    }

    /**
     * {@code compiler_with_except_finish}: after WITH_EXCEPT_START, a true result of {@code __exit__}
     * swallows the exception, a false one re-raises it. Every instruction is artificial. Version seam:
     * 3.14 pops one more item (the exit function and self are two stack items there).
     */
    static void withExceptFinish(Codegen c, int cleanup) {
        Location none = Location.NO_LOCATION;
        if (!c.version.has(org.jpyc.version.Feature.WITH_CLEANUP_AFTER_SUPPRESS)) {
            withExceptFinish311(c, cleanup);
            return;
        }
        int suppress = c.newLabel();
        BranchCodegen.toBool(c, none);
        c.addJump(Op.POP_JUMP_IF_TRUE, suppress, none);
        c.addOpI(Op.RERAISE, 2, none);

        c.useLabel(suppress);
        c.addOp(Op.POP_TOP, none);
        c.addOp(Op.POP_BLOCK, none);
        c.addOp(Op.POP_EXCEPT, none);
        c.addOp(Op.POP_TOP, none);
        c.addOp(Op.POP_TOP, none);
        if (c.version.has(org.jpyc.version.Feature.WITH_LOAD_SPECIAL)) c.addOp(Op.POP_TOP, none);
        int exit = c.newLabel();
        c.addForwardJumpNoInterrupt(exit, none);

        c.useLabel(cleanup);
        c.popExceptAndReraise(none);
        c.useLabel(exit);
    }

    /** {@code compiler_with_except_finish} of 3.11: the cleanup handler between the reraise and the suppressing path,
     *  which falls through to what follows the statement. */
    private static void withExceptFinish311(Codegen c, int cleanup) {
        Location none = Location.NO_LOCATION;
        int exit = c.newLabel();
        c.addJump(Op.POP_JUMP_IF_TRUE, exit, none);
        c.addOpI(Op.RERAISE, 2, none);
        c.useLabel(cleanup);
        c.popExceptAndReraise(none);
        c.useLabel(exit);
        c.addOp(Op.POP_TOP, none);
        c.addOp(Op.POP_BLOCK, none);
        c.addOp(Op.POP_EXCEPT, none);
        c.addOp(Op.POP_TOP, none);
        c.addOp(Op.POP_TOP, none);
    }
}
