package org.jpyc.codegen;

import java.util.List;
import org.jpyc.ast.ExceptHandler;
import org.jpyc.ast.ExcepthandlerNode;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.StmtNode;
import org.jpyc.ast.Try;
import org.jpyc.ast.TryStar;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyConst;

/**
 * try statements, Python/compile.c of 3.13: {@code compiler_try}, {@code compiler_try_finally},
 * {@code compiler_try_except} and their {@code except*} twins. A handler that binds a name runs its
 * body inside an implicit try/finally that clears the name afterwards.
 */
public final class TryCodegen {
    private TryCodegen() {}

    /** {@code FBlock.datum} of the EXCEPTION_GROUP_HANDLER block (any non-null value would do). */
    static final String EXCEPT_STAR_DATUM = "except handler";

    /** The four parts shared by {@code Try} and {@code TryStar}. */
    private record Parts(Location loc, List<StmtNode> body, List<ExcepthandlerNode> handlers,
                         List<StmtNode> orelse, List<StmtNode> finalbody) {
        static Parts of(Try s) {
            return new Parts(Location.of(s), s.body(), s.handlers(), s.orelse(), s.finalbody());
        }

        static Parts of(TryStar s) {
            return new Parts(Location.of(s), s.body(), s.handlers(), s.orelse(), s.finalbody());
        }
    }

    /** {@code compiler_try}. */
    public static void visitTry(Codegen c, Try s) {
        Parts p = Parts.of(s);
        if (nonEmpty(p.finalbody)) tryFinally(c, p, false);
        else tryExcept(c, p);
    }

    /** {@code compiler_try_star}. */
    public static void visitTryStar(Codegen c, TryStar s) {
        Parts p = Parts.of(s);
        if (nonEmpty(p.finalbody)) tryFinally(c, p, true);
        else tryStarExcept(c, p);
    }

    /**
     * {@code compiler_try_finally} and {@code compiler_try_star_finally} (identical but for which
     * handler code the body gets): the finally body is emitted twice, once on the normal path and
     * once as the exception handler.
     */
    private static void tryFinally(Codegen c, Parts p, boolean star) {
        Location loc = p.loc;
        int body = c.newLabel();
        int end = c.newLabel();
        int exit = c.newLabel();
        int cleanup = c.newLabel();

        c.addJump(Op.SETUP_FINALLY, end, loc);
        c.useLabel(body);
        c.pushFBlock(loc, FBlockType.FINALLY_TRY, body, end, p.finalbody);
        if (nonEmpty(p.handlers)) {
            if (star) tryStarExcept(c, p);
            else tryExcept(c, p);
        } else {
            c.visitStmts(p.body);
        }
        c.addOp(Op.POP_BLOCK, Location.NO_LOCATION);
        c.popFBlock(FBlockType.FINALLY_TRY, body);
        c.visitStmts(p.finalbody);
        c.addForwardJumpNoInterrupt(exit, Location.NO_LOCATION);

        c.useLabel(end);
        Location none = Location.NO_LOCATION;
        c.addJump(Op.SETUP_CLEANUP, cleanup, none);
        c.addOp(Op.PUSH_EXC_INFO, none);
        c.pushFBlock(none, FBlockType.FINALLY_END, end, InstrSequence.NO_LABEL, null);
        c.visitStmts(p.finalbody);
        c.popFBlock(FBlockType.FINALLY_END, end);
        // 3.11: the re-raise and its cleanup at the location the finally body left in force
        Location after = c.version.has(org.jpyc.version.Feature.FINALLY_RERAISE_UNLOCATED) ? none : c.unit().locInForce;
        c.addOpI(Op.RERAISE, 0, after);

        c.useLabel(cleanup);
        c.popExceptAndReraise(after);
        c.useLabel(exit);
    }

    /**
     * The start both {@code compiler_try_except} and {@code compiler_try_star_except} share: the try body
     * inside a TRY_EXCEPT block whose handler is {@code except}, closed by POP_BLOCK.
     */
    private static void protectedBody(Codegen c, Parts p, int body, int except) {
        c.addJump(Op.SETUP_FINALLY, except, p.loc);
        c.useLabel(body);
        c.pushFBlock(p.loc, FBlockType.TRY_EXCEPT, body, InstrSequence.NO_LABEL, null);
        c.visitStmts(p.body);
        c.popFBlock(FBlockType.TRY_EXCEPT, body);
        c.addOp(Op.POP_BLOCK, Location.NO_LOCATION);
    }

    /** {@code compiler_try_except}: handlers tried in order; a bare {@code except:} must be last. */
    private static void tryExcept(Codegen c, Parts p) {
        Location loc = p.loc;
        Location none = Location.NO_LOCATION;
        int body = c.newLabel();
        int except = c.newLabel();
        int end = c.newLabel();
        int cleanup = c.newLabel();

        protectedBody(c, p, body, except);
        if (nonEmpty(p.orelse)) c.visitStmts(p.orelse);
        c.addForwardJumpNoInterrupt(end, none);
        int n = p.handlers.size();

        c.useLabel(except);
        c.addJump(Op.SETUP_CLEANUP, cleanup, none);
        c.addOp(Op.PUSH_EXC_INFO, none);
        // the interpreter pushes a block for the handler: account for it
        c.pushFBlock(loc, FBlockType.EXCEPTION_HANDLER, InstrSequence.NO_LABEL, InstrSequence.NO_LABEL, null);

        for (int i = 0; i < n; i++) {
            ExceptHandler h = (ExceptHandler) p.handlers.get(i);
            Location hloc = Location.of(h);
            if (h.type() == null && i < n - 1) {
                throw c.error(hloc, "default 'except:' must be last");
            }
            except = c.newLabel();
            if (h.type() != null) {
                c.visitExpr(h.type());
                c.addOp(Op.CHECK_EXC_MATCH, hloc);
                c.addJump(Op.POP_JUMP_IF_FALSE, except, hloc);
            }
            if (h.name() != null) {
                int cleanupEnd = c.newLabel();
                int cleanupBody = c.newLabel();
                c.nameOp(hloc, h.name(), ExprContextNode.Store);

                // the body runs in an implicit try/finally that unbinds the name
                c.addJump(Op.SETUP_CLEANUP, cleanupEnd, hloc);
                c.useLabel(cleanupBody);
                c.pushFBlock(hloc, FBlockType.HANDLER_CLEANUP, cleanupBody, InstrSequence.NO_LABEL, h.name());
                c.visitStmts(h.body());
                c.popFBlock(FBlockType.HANDLER_CLEANUP, cleanupBody);
                c.addOp(Op.POP_BLOCK, none);
                c.addOp(Op.POP_BLOCK, none);
                c.addOp(Op.POP_EXCEPT, none);
                unbind(c, h.name());
                c.addForwardJumpNoInterrupt(end, none);

                c.useLabel(cleanupEnd);
                unbind(c, h.name());
                c.addOpI(Op.RERAISE, 1, none);
            } else {
                int cleanupBody = c.newLabel();
                c.addOp(Op.POP_TOP, hloc);
                c.useLabel(cleanupBody);
                c.pushFBlock(hloc, FBlockType.HANDLER_CLEANUP, cleanupBody, InstrSequence.NO_LABEL, null);
                c.visitStmts(h.body());
                c.popFBlock(FBlockType.HANDLER_CLEANUP, cleanupBody);
                c.addOp(Op.POP_BLOCK, none);
                c.addOp(Op.POP_EXCEPT, none);
                c.addForwardJumpNoInterrupt(end, none);
            }
            c.useLabel(except);
        }
        c.popFBlock(FBlockType.EXCEPTION_HANDLER, InstrSequence.NO_LABEL);
        c.addOpI(Op.RERAISE, 0, none);

        c.useLabel(cleanup);
        c.popExceptAndReraise(none);
        c.useLabel(end);
    }

    /**
     * {@code compiler_try_star_except}: each {@code except*} splits the exception group with
     * CHECK_EG_MATCH; what the handlers raise and what none matched is collected in a list and
     * re-raised at the end through the PREP_RERAISE_STAR intrinsic.
     */
    private static void tryStarExcept(Codegen c, Parts p) {
        Location loc = p.loc;
        Location none = Location.NO_LOCATION;
        int body = c.newLabel();
        int except = c.newLabel();
        int orelse = c.newLabel();
        int end = c.newLabel();
        int cleanup = c.newLabel();
        int reraiseStar = c.newLabel();

        protectedBody(c, p, body, except);
        c.addForwardJumpNoInterrupt(orelse, none);
        int n = p.handlers.size();

        c.useLabel(except);
        c.addJump(Op.SETUP_CLEANUP, cleanup, none);
        c.addOp(Op.PUSH_EXC_INFO, none);
        c.pushFBlock(loc, FBlockType.EXCEPTION_GROUP_HANDLER, InstrSequence.NO_LABEL, InstrSequence.NO_LABEL,
                EXCEPT_STAR_DATUM);

        for (int i = 0; i < n; i++) {
            ExceptHandler h = (ExceptHandler) p.handlers.get(i);
            Location hloc = Location.of(h);
            except = c.newLabel();
            int exceptWithError = c.newLabel();
            int noMatch = c.newLabel();
            if (i == 0) {
                // [orig] -> [orig, [] (raised/reraised), exc (a copy of orig)]
                if (c.version.has(org.jpyc.version.Feature.EXCEPT_STAR_LIST_FIRST)) {
                    c.addOpI(Op.BUILD_LIST, 0, hloc);
                    c.addOpI(Op.COPY, 2, hloc);
                } else {
                    c.addOpI(Op.COPY, 1, hloc);
                    c.addOpI(Op.BUILD_LIST, 0, hloc);
                    c.addOpI(Op.SWAP, 2, hloc);
                }
            }
            boolean popAtTest = c.version.has(org.jpyc.version.Feature.EXCEPT_STAR_NO_MATCH_POPPED_AT_TEST);
            if (h.type() != null) {
                c.visitExpr(h.type());
                c.addOp(Op.CHECK_EG_MATCH, hloc);
                c.addOpI(Op.COPY, 1, hloc);
                if (popAtTest) {
                    // 3.11: the None match is popped right here, then on to the next handler
                    int hasMatch = c.newLabel();
                    c.addJump(Op.POP_JUMP_IF_NOT_NONE, hasMatch, hloc);
                    c.addOp(Op.POP_TOP, hloc);
                    c.addJump(Op.JUMP, noMatch, hloc);
                    c.useLabel(hasMatch);
                } else {
                    c.addJump(Op.POP_JUMP_IF_NONE, noMatch, hloc);
                }
            }
            int cleanupEnd = c.newLabel();
            int cleanupBody = c.newLabel();
            if (h.name() != null) c.nameOp(hloc, h.name(), ExprContextNode.Store);
            else c.addOp(Op.POP_TOP, hloc);

            c.addJump(Op.SETUP_CLEANUP, cleanupEnd, hloc);
            c.useLabel(cleanupBody);
            c.pushFBlock(hloc, FBlockType.HANDLER_CLEANUP, cleanupBody, InstrSequence.NO_LABEL, h.name());
            c.visitStmts(h.body());
            c.popFBlock(FBlockType.HANDLER_CLEANUP, cleanupBody);
            c.addOp(Op.POP_BLOCK, none);
            if (h.name() != null) unbind(c, h.name());
            c.addForwardJumpNoInterrupt(except, none);

            c.useLabel(cleanupEnd);
            if (h.name() != null) unbind(c, h.name());
            // what the handler raised goes to the result list
            c.addOpI(Op.LIST_APPEND, 3, none);
            c.addOp(Op.POP_TOP, none);
            if (popAtTest) {
                // 3.11: the handler's end, what it raised and a no-match all go on to the next handler
                c.useLabel(except);
                c.useLabel(noMatch);
            } else {
                c.addForwardJumpNoInterrupt(exceptWithError, none);

                c.useLabel(except);
                c.addOp(Op.NOP, none);
                c.addForwardJumpNoInterrupt(exceptWithError, none);

                c.useLabel(noMatch);
                c.addOp(Op.POP_TOP, hloc);
            }

            c.useLabel(exceptWithError);
            if (i == n - 1) {
                // the unhandled rest of the group (maybe None) goes to the list too
                c.addOpI(Op.LIST_APPEND, 1, none);
                c.addForwardJumpNoInterrupt(reraiseStar, none);
            }
        }
        c.popFBlock(FBlockType.EXCEPTION_GROUP_HANDLER, InstrSequence.NO_LABEL);
        int reraise = c.newLabel();

        c.useLabel(reraiseStar);
        if (c.version.has(org.jpyc.version.Feature.CALL_INTRINSICS)) {
            c.addOpI(Op.CALL_INTRINSIC_2, c.intrinsic2("INTRINSIC_PREP_RERAISE_STAR"), none);
        } else {
            c.addOp(Op.PREP_RERAISE_STAR, none);
        }
        c.addOpI(Op.COPY, 1, none);
        c.addJump(Op.POP_JUMP_IF_NOT_NONE, reraise, none);
        c.addOp(Op.POP_TOP, none);
        c.addOp(Op.POP_BLOCK, none);
        c.addOp(Op.POP_EXCEPT, none);
        c.addForwardJumpNoInterrupt(end, none);

        c.useLabel(reraise);
        c.addOp(Op.POP_BLOCK, none);
        c.addOpI(Op.SWAP, 2, none);
        c.addOp(Op.POP_EXCEPT, none);
        c.addOpI(Op.RERAISE, 0, none);

        c.useLabel(cleanup);
        c.popExceptAndReraise(none);

        c.useLabel(orelse);
        c.visitStmts(p.orelse);
        c.useLabel(end);
    }

    /** {@code name = None; del name}, artificial (no location), after a handler that bound {@code name}. */
    private static void unbind(Codegen c, String name) {
        c.loadConst(PyConst.NONE, Location.NO_LOCATION);
        c.nameOp(Location.NO_LOCATION, name, ExprContextNode.Store);
        c.nameOp(Location.NO_LOCATION, name, ExprContextNode.Del);
    }

    private static boolean nonEmpty(List<?> l) {
        return l != null && !l.isEmpty();
    }
}
