package org.jpyc.codegen;

import java.util.List;
import org.jpyc.ast.ExceptHandler;
import org.jpyc.ast.ExcepthandlerNode;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.Try;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyConst;

/**
 * try statements of 3.10 (Python/compile.c 3.10.8: {@code compiler_try}, {@code compiler_try_finally},
 * {@code compiler_try_except}), chosen by {@code Feature.ZERO_COST_EXCEPTIONS}. SETUP_FINALLY pushes a block at run
 * time; an exception reaches its handler as three values (type, value, traceback), which the handler pops (the value
 * stored when the handler names it) before POP_EXCEPT restores the previous exception.
 */
final class TryCodegen310 {
    private TryCodegen310() {}

    /** {@code compiler_try}. */
    static void visitTry(Codegen c, Try s) {
        if (s.finalbody() != null && !s.finalbody().isEmpty()) tryFinally(c, s);
        else tryExcept(c, s);
    }

    /** {@code compiler_try_finally}: the finally body once on the normal path, once as the handler. */
    private static void tryFinally(Codegen c, Try s) {
        Location loc = Location.of(s);
        int body = c.newLabel();
        int end = c.newLabel();
        int exit = c.newLabel();

        c.addJump(Op.SETUP_FINALLY, end, loc);
        c.useLabel(body);
        c.pushFBlock(loc, FBlockType.FINALLY_TRY, body, end, s.finalbody());
        if (s.handlers() != null && !s.handlers().isEmpty()) tryExcept(c, s);
        else c.visitStmts(s.body());
        c.addOp(Op.POP_BLOCK, Location.NO_LOCATION);
        c.popFBlock(FBlockType.FINALLY_TRY, body);
        c.visitStmts(s.finalbody());
        c.addJump(Op.JUMP_FORWARD, exit, Location.NO_LOCATION);

        c.useLabel(end);
        c.pushFBlock(loc, FBlockType.FINALLY_END, end, InstrSequence.NO_LABEL, null);
        c.visitStmts(s.finalbody());
        c.popFBlock(FBlockType.FINALLY_END, end);
        // at the location the finally body left in force
        c.addOpI(Op.RERAISE, 0, c.unit().locInForce);
        c.useLabel(exit);
    }

    /** {@code compiler_try_except}: the handlers in order, each testing the exception type it names. */
    private static void tryExcept(Codegen c, Try s) {
        Location loc = Location.of(s);
        Location none = Location.NO_LOCATION;
        int body = c.newLabel();
        int except = c.newLabel();
        int orelse = c.newLabel();
        int end = c.newLabel();

        c.addJump(Op.SETUP_FINALLY, except, loc);
        c.useLabel(body);
        c.pushFBlock(loc, FBlockType.TRY_EXCEPT, body, InstrSequence.NO_LABEL, null);
        c.visitStmts(s.body());
        c.popFBlock(FBlockType.TRY_EXCEPT, body);
        c.addOp(Op.POP_BLOCK, none);
        c.addJump(Op.JUMP_FORWARD, orelse, none);
        List<ExcepthandlerNode> handlers = s.handlers();
        int n = handlers.size();
        c.useLabel(except);
        // the interpreter pushes a block for the handler: account for it
        c.pushFBlock(none, FBlockType.EXCEPTION_HANDLER, InstrSequence.NO_LABEL, InstrSequence.NO_LABEL, null);
        for (int i = 0; i < n; i++) {
            ExceptHandler h = (ExceptHandler) handlers.get(i);
            Location hloc = Location.of(h);
            if (h.type() == null && i < n - 1) throw c.error(hloc, "default 'except:' must be last");
            except = c.newLabel();
            if (h.type() != null) {
                c.addOp(Op.DUP_TOP, hloc);
                c.visitExpr(h.type());
                c.addJump(Op.JUMP_IF_NOT_EXC_MATCH, except, hloc);
            }
            c.addOp(Op.POP_TOP, hloc);
            if (h.name() != null) {
                int cleanupEnd = c.newLabel();
                int cleanupBody = c.newLabel();
                c.nameOp(hloc, h.name(), ExprContextNode.Store);
                c.addOp(Op.POP_TOP, hloc);
                // the body runs in an implicit try/finally that unbinds the name
                c.addJump(Op.SETUP_FINALLY, cleanupEnd, hloc);
                c.useLabel(cleanupBody);
                c.pushFBlock(hloc, FBlockType.HANDLER_CLEANUP, cleanupBody, InstrSequence.NO_LABEL, h.name());
                c.visitStmts(h.body());
                c.popFBlock(FBlockType.HANDLER_CLEANUP, cleanupBody);
                c.addOp(Op.POP_BLOCK, none);
                c.addOp(Op.POP_EXCEPT, none);
                unbind(c, h.name());
                c.addJump(Op.JUMP_FORWARD, end, none);

                c.useLabel(cleanupEnd);
                unbind(c, h.name());
                c.addOpI(Op.RERAISE, 1, none);
            } else {
                int cleanupBody = c.newLabel();
                c.addOp(Op.POP_TOP, hloc);
                c.addOp(Op.POP_TOP, hloc);
                c.useLabel(cleanupBody);
                c.pushFBlock(hloc, FBlockType.HANDLER_CLEANUP, cleanupBody, InstrSequence.NO_LABEL, null);
                c.visitStmts(h.body());
                c.popFBlock(FBlockType.HANDLER_CLEANUP, cleanupBody);
                c.addOp(Op.POP_EXCEPT, none);
                c.addJump(Op.JUMP_FORWARD, end, none);
            }
            c.useLabel(except);
        }
        c.popFBlock(FBlockType.EXCEPTION_HANDLER, InstrSequence.NO_LABEL);
        c.addOpI(Op.RERAISE, 0, none);
        c.unit().locInForce = none;
        c.useLabel(orelse);
        c.visitStmts(s.orelse());
        c.useLabel(end);
    }

    /** {@code name = None; del name}, artificial (no location), after a handler that bound {@code name}. */
    private static void unbind(Codegen c, String name) {
        c.loadConst(PyConst.NONE, Location.NO_LOCATION);
        c.nameOp(Location.NO_LOCATION, name, ExprContextNode.Store);
        c.nameOp(Location.NO_LOCATION, name, ExprContextNode.Del);
    }

    /** {@code compiler_unwind_fblock} of 3.10 for the blocks whose unwinding differs from 3.11's: the three exception
     *  values under a finally or handler, with's bound {@code __exit__}. Returns false for the others. */
    static boolean unwind(Codegen c, Location[] ploc, FBlock info, boolean preserveTos) {
        switch (info.type()) {
            case FOR_LOOP, POP_VALUE -> {
                if (preserveTos) c.addOp(Op.ROT_TWO, ploc[0]);
                c.addOp(Op.POP_TOP, ploc[0]);
            }
            case FINALLY_END -> {
                if (preserveTos) c.addOp(Op.ROT_FOUR, ploc[0]);
                c.addOp(Op.POP_TOP, ploc[0]);
                c.addOp(Op.POP_TOP, ploc[0]);
                c.addOp(Op.POP_TOP, ploc[0]);
                if (preserveTos) c.addOp(Op.ROT_FOUR, ploc[0]);
                c.addOp(Op.POP_EXCEPT, ploc[0]);
            }
            case WITH, ASYNC_WITH -> {
                ploc[0] = info.loc();
                c.addOp(Op.POP_BLOCK, ploc[0]);
                if (preserveTos) c.addOp(Op.ROT_TWO, ploc[0]);
                c.callExitWithNones(ploc[0]);
                if (info.type() == FBlockType.ASYNC_WITH) {
                    c.addOp(Op.GET_AWAITABLE, ploc[0]);
                    c.loadConst(PyConst.NONE, ploc[0]);
                    c.addYieldFrom(ploc[0], true);
                }
                c.addOp(Op.POP_TOP, ploc[0]);
                ploc[0] = Location.NO_LOCATION;
                c.unit().locInForce = Location.NO_LOCATION; // c->u->u_lineno = -1, in force after the unwinding
            }
            case HANDLER_CLEANUP -> {
                String name = (String) info.datum();
                if (name != null) c.addOp(Op.POP_BLOCK, ploc[0]);
                if (preserveTos) c.addOp(Op.ROT_FOUR, ploc[0]);
                c.addOp(Op.POP_EXCEPT, ploc[0]);
                if (name != null) {
                    c.loadConst(PyConst.NONE, ploc[0]);
                    c.nameOp(ploc[0], name, ExprContextNode.Store);
                    c.nameOp(ploc[0], name, ExprContextNode.Del);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
