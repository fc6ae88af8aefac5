package org.jpyc.codegen;

import java.util.List;
import org.jpyc.ast.Alias;
import org.jpyc.ast.AnnAssign;
import org.jpyc.ast.Assert;
import org.jpyc.ast.Assign;
import org.jpyc.ast.AsyncFor;
import org.jpyc.ast.AsyncFunctionDef;
import org.jpyc.ast.AsyncWith;
import org.jpyc.ast.Attribute;
import org.jpyc.ast.AugAssign;
import org.jpyc.ast.Break;
import org.jpyc.ast.ClassDef;
import org.jpyc.ast.Constant;
import org.jpyc.ast.Continue;
import org.jpyc.ast.Delete;
import org.jpyc.ast.Expr;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.For;
import org.jpyc.ast.FunctionDef;
import org.jpyc.ast.Global;
import org.jpyc.ast.If;
import org.jpyc.ast.Import;
import org.jpyc.ast.ImportFrom;
import org.jpyc.ast.Match;
import org.jpyc.ast.Name;
import org.jpyc.ast.Nonlocal;
import org.jpyc.ast.Pass;
import org.jpyc.ast.Raise;
import org.jpyc.ast.Return;
import org.jpyc.ast.Slice;
import org.jpyc.ast.StmtNode;
import org.jpyc.ast.Subscript;
import org.jpyc.ast.Try;
import org.jpyc.ast.TryStar;
import org.jpyc.ast.Tuple;
import org.jpyc.ast.TypeAlias;
import org.jpyc.ast.While;
import org.jpyc.ast.With;
import org.jpyc.instrseq.CodeFlags;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyTuple;

/** {@code compiler_visit_stmt} (Python/compile.c of 3.13) and the simple statements. */
public final class StmtCodegen {
    private StmtCodegen() {}

    /** {@code compiler_visit_stmt}. */
    public static void visit(Codegen c, StmtNode s) {
        // 3.14 (CODEGEN_COND_BLOCK): annotations met inside if/for/while/try/with/match are conditional
        boolean conditional = AnnotateFunctions.conditionalBlock(c, s);
        if (conditional) c.unit().inConditionalBlock++;
        c.unit().locInForce = Location.of(s);
        visitStmt(c, s);
        // 3.11: statements that end with UNSET_LOC leave no location in force (an expression statement's POP_TOP, not
        // a constant's NOP; try/except's and with's artificial ends; 3.10's with leaves its own)
        if ((s instanceof Expr e && !(e.value() instanceof Constant))
                || ((s instanceof With || s instanceof AsyncWith) && c.version.has(org.jpyc.version.Feature.ZERO_COST_EXCEPTIONS))
                || (s instanceof Try t && (t.finalbody() == null || t.finalbody().isEmpty()))
                || (s instanceof TryStar ts && (ts.finalbody() == null || ts.finalbody().isEmpty()))) {
            c.unit().locInForce = Location.NO_LOCATION;
        } else if (s instanceof AugAssign a) {
            c.unit().locInForce = Location.of(a.target()); // compiler_augassign's SET_LOC(c, e) for the store
        }
        if (conditional) c.unit().inConditionalBlock--;
    }

    /** The switch of {@code compiler_visit_stmt}. */
    private static void visitStmt(Codegen c, StmtNode s) {
        // expression statements (a third of all statements) first; the rest in the ASDL order
        if (s instanceof Expr e) {
            visitStmtExpr(c, Location.of(s), e.value());
        } else if (s instanceof FunctionDef f) {
            FunctionCodegen.visitFunction(c, f);
        } else if (s instanceof ClassDef k) {
            FunctionCodegen.visitClass(c, k);
        } else if (s instanceof TypeAlias t) {
            FunctionCodegen.visitTypeAlias(c, t);
        } else if (s instanceof Return r) {
            visitReturn(c, r);
        } else if (s instanceof Delete d) {
            c.visitExprs(d.targets());
        } else if (s instanceof Assign a) {
            visitAssign(c, a);
        } else if (s instanceof AugAssign a) {
            visitAugAssign(c, a);
        } else if (s instanceof AnnAssign a) {
            visitAnnAssign(c, a);
        } else if (s instanceof For f) {
            visitFor(c, f);
        } else if (s instanceof While w) {
            visitWhile(c, w);
        } else if (s instanceof If i) {
            visitIf(c, i);
        } else if (s instanceof Match m) {
            PatternCodegen.visitMatch(c, m);
        } else if (s instanceof Raise r) {
            visitRaise(c, r);
        } else if (s instanceof Try t) {
            if (c.version.has(org.jpyc.version.Feature.ZERO_COST_EXCEPTIONS)) TryCodegen.visitTry(c, t);
            else TryCodegen310.visitTry(c, t);
        } else if (s instanceof TryStar t) {
            TryCodegen.visitTryStar(c, t);
        } else if (s instanceof Assert a) {
            visitAssert(c, a);
        } else if (s instanceof Import i) {
            visitImport(c, i);
        } else if (s instanceof ImportFrom i) {
            visitFromImport(c, i);
        } else if (s instanceof Global || s instanceof Nonlocal) {
            // nothing to emit
        } else if (s instanceof Pass) {
            c.addOp(Op.NOP, Location.of(s));
        } else if (s instanceof Break) {
            visitBreak(c, Location.of(s));
        } else if (s instanceof Continue) {
            visitContinue(c, Location.of(s));
        } else if (s instanceof With w) {
            if (c.version.has(org.jpyc.version.Feature.ZERO_COST_EXCEPTIONS)) WithCodegen.visitWith(c, w);
            else WithCodegen310.visitWith(c, w);
        } else if (s instanceof AsyncFunctionDef f) {
            FunctionCodegen.visitAsyncFunction(c, f);
        } else if (s instanceof AsyncWith w) {
            if (c.version.has(org.jpyc.version.Feature.ZERO_COST_EXCEPTIONS)) WithCodegen.visitAsyncWith(c, w);
            else WithCodegen310.visitAsyncWith(c, w);
        } else if (s instanceof AsyncFor f) {
            visitAsyncFor(c, f);
        } else {
            throw new IllegalStateException("statement " + s.nodeName() + " is not supported for " + c.version);
        }
    }

    /** The {@code Assign_kind} case: the value once, {@code COPY 1} for every target but the last. */
    static void visitAssign(Codegen c, Assign s) {
        List<ExprNode> targets = s.targets();
        int n = targets.size();
        c.visitExpr(s.value());
        for (int i = 0; i < n; i++) {
            if (i < n - 1) c.addOpI(Op.COPY, 1, Location.of(s));
            c.visitExpr(targets.get(i));
        }
    }

    /** The {@code Raise_kind} case. */
    static void visitRaise(Codegen c, Raise s) {
        int n = 0;
        if (s.exc() != null) {
            c.visitExpr(s.exc());
            n++;
            if (s.cause() != null) {
                c.visitExpr(s.cause());
                n++;
            }
        }
        c.addOpI(Op.RAISE_VARARGS, n, Location.of(s));
    }

    /** {@code compiler_stmt_expr}: a constant statement leaves a NOP; any other value is popped. */
    static void visitStmtExpr(Codegen c, Location loc, ExprNode value) {
        if (c.interactive() && c.nestLevel() <= 1) {
            c.visitExpr(value);
            // 3.11: PRINT_EXPR pops the value itself
            if (!c.version.has(org.jpyc.version.Feature.CALL_INTRINSICS)) {
                c.addOp(Op.PRINT_EXPR, loc);
                return;
            }
            c.addOpI(Op.CALL_INTRINSIC_1, c.intrinsic1("INTRINSIC_PRINT"), loc);
            c.addOp(Op.POP_TOP, Location.NO_LOCATION);
            return;
        }
        if (value instanceof Constant) {
            c.addOp(Op.NOP, loc);
            return;
        }
        c.visitExpr(value);
        c.addOp(Op.POP_TOP, Location.NO_LOCATION);
    }

    /** {@code compiler_if}. */
    static void visitIf(Codegen c, If s) {
        int end = c.newLabel();
        boolean hasElse = s.orelse() != null && !s.orelse().isEmpty();
        int next = hasElse ? c.newLabel() : end;
        c.unit().locInForce = c.jumpIf(Location.of(s), s.test(), next, false);
        c.visitStmts(s.body());
        if (hasElse) {
            c.addForwardJumpNoInterrupt(end, Location.NO_LOCATION);
            c.useLabel(next);
            c.visitStmts(s.orelse());
        }
        c.useLabel(end);
    }

    /** {@code compiler_for}. */
    static void visitFor(Codegen c, For s) {
        Location loc = Location.of(s);
        int start = c.newLabel();
        int body = c.newLabel();
        int cleanup = c.newLabel();
        int end = c.newLabel();
        c.pushFBlock(loc, FBlockType.FOR_LOOP, start, end, null);
        c.visitExpr(s.iter());
        boolean atIterable = c.version.has(org.jpyc.version.Feature.ITER_AT_ITERABLE_LOCATION);
        if (atIterable) loc = Location.of(s.iter());
        c.addOp(Op.GET_ITER, loc);
        c.useLabel(start);
        c.addJump(Op.FOR_ITER, cleanup, loc);
        if (atIterable) c.addOp(Op.NOP, Location.of(s.target()));
        c.useLabel(body);
        c.visitExpr(s.target());
        c.visitStmts(s.body());
        c.addJump(Op.JUMP, start, Location.NO_LOCATION);
        c.useLabel(cleanup);
        c.addEndFor();
        c.popFBlock(FBlockType.FOR_LOOP, start);
        c.unit().locInForce = Location.NO_LOCATION; // 3.11's UNSET_LOC before the back jump
        c.visitStmts(s.orelse());
        c.useLabel(end);
    }

    /** {@code compiler_async_for}. */
    static void visitAsyncFor(Codegen c, AsyncFor s) {
        Location loc = Location.of(s);
        if (c.isTopLevelAwait()) {
            c.scope().coroutine = true;
        } else if (c.unit().scopeType != ScopeType.ASYNC_FUNCTION) {
            throw c.error(loc, "'async for' outside async function");
        }
        boolean jumps = c.version.has(org.jpyc.version.Feature.END_ASYNC_FOR_JUMPS);
        int start = c.newLabel();
        int send = jumps ? c.newLabel() : InstrSequence.NO_LABEL;
        int except = c.newLabel();
        int end = c.newLabel();
        c.visitExpr(s.iter());
        // 3.12: GET_AITER has the statement's location
        c.addOp(Op.GET_AITER, c.version.has(org.jpyc.version.Feature.ITER_AT_ITERABLE_LOCATION) ? Location.of(s.iter()) : loc);
        c.useLabel(start);
        c.pushFBlock(loc, FBlockType.FOR_LOOP, start, end, FBlock.ASYNC_ITERATOR);
        c.addJump(Op.SETUP_FINALLY, except, loc);
        c.addOp(Op.GET_ANEXT, loc);
        c.addSendNullSlot(loc);
        c.loadConst(PyConst.NONE, loc);
        if (jumps) c.useLabel(send);
        c.addYieldFrom(loc, true);
        c.addOp(Op.POP_BLOCK, loc);
        if (jumps) c.addOp(Op.NOT_TAKEN, loc);
        c.visitExpr(s.target());
        c.visitStmts(s.body());
        c.addJump(Op.JUMP, start, Location.NO_LOCATION);
        c.popFBlock(FBlockType.FOR_LOOP, start);
        c.useLabel(except);
        if (jumps) {
            c.addJump(Op.END_ASYNC_FOR, send, Location.of(s.iter()));
        } else {
            c.addOp(Op.END_ASYNC_FOR, Location.of(s.iter()));
        }
        c.unit().locInForce = Location.of(s.iter()); // 3.11: compiler_async_for's SET_LOC for END_ASYNC_FOR
        c.visitStmts(s.orelse());
        c.useLabel(end);
    }

    /** {@code compiler_while}. */
    static void visitWhile(Codegen c, While s) {
        int loop = c.newLabel();
        int body = c.newLabel();
        int end = c.newLabel();
        int anchor = c.newLabel();
        c.useLabel(loop);
        c.pushFBlock(Location.of(s), FBlockType.WHILE_LOOP, loop, end, null);
        c.jumpIf(Location.of(s), s.test(), anchor, false);
        c.useLabel(body);
        c.visitStmts(s.body());
        if (c.version.has(org.jpyc.version.Feature.WHILE_TEST_ONCE)) {
            // 3.14 (codegen_while): back to the test at the top
            c.addJump(Op.JUMP, loop, Location.NO_LOCATION);
        } else {
            c.unit().locInForce = c.jumpIf(Location.of(s), s.test(), body, true);
        }
        c.popFBlock(FBlockType.WHILE_LOOP, loop);
        c.useLabel(anchor);
        c.visitStmts(s.orelse());
        c.useLabel(end);
    }

    /** {@code compiler_return}. */
    static void visitReturn(Codegen c, Return s) {
        Location loc = Location.of(s);
        ExprNode value = s.value();
        boolean preserveTos = value != null && !(value instanceof Constant);
        if (!c.scope().isFunctionLike()) throw c.error(loc, "'return' outside function");
        if (value != null && c.scope().coroutine && c.scope().generator) {
            throw c.error(loc, "'return' with value in async generator");
        }
        if (preserveTos) {
            c.visitExpr(value);
        } else if (value != null) {
            loc = Location.of(value);
            c.addOp(Op.NOP, loc);
        }
        if (value == null || value.lineno() != s.lineno()) {
            loc = Location.of(s);
            c.addOp(Op.NOP, loc);
        }
        // 3.10/3.11: the SET_LOC in force, unless the unwinding unsets it (a with's exit, a finally body)
        c.unit().locInForce = loc;
        Location[] ploc = {loc};
        c.unwindFBlockStack(ploc, preserveTos, false);
        loc = ploc[0];
        if (value == null) {
            c.loadConst(PyConst.NONE, loc);
        } else if (!preserveTos) {
            c.loadConst(((Constant) value).value(), loc);
        }
        c.addOp(Op.RETURN_VALUE, loc);
        // 3.10: NEXT_BLOCK, so a function ending with a return still gets assemble()'s None (then unused)
        if (c.version.has(org.jpyc.version.Feature.RETURN_STMT_NEXT_BLOCK)) c.useLabel(c.newLabel());
    }

    /** Where a break or continue that found no loop is reported: at the statement, or 3.10's location after unwinding. */
    private static Location loopExitErrorLocation(Codegen c, Location stmtLoc) {
        if (c.version.has(org.jpyc.version.Feature.LOOP_EXIT_ERROR_AT_STATEMENT)) return stmtLoc;
        return LoopExitError310.errorLocation(c.unit().fblocks, stmtLoc);
    }

    /** {@code compiler_break}. */
    static void visitBreak(Codegen c, Location loc) {
        Location origin = loc;
        c.addOp(Op.NOP, loc);
        Location[] ploc = {loc};
        FBlock loop = c.unwindFBlockStack(ploc, false, true);
        if (loop == null) throw c.error(loopExitErrorLocation(c, origin), "'break' outside loop");
        FBlockUnwinder.unwind(c, ploc, loop, false);
        c.addJump(Op.JUMP, loop.exit(), ploc[0]);
    }

    /** {@code compiler_continue}. */
    static void visitContinue(Codegen c, Location loc) {
        Location origin = loc;
        c.addOp(Op.NOP, loc);
        Location[] ploc = {loc};
        FBlock loop = c.unwindFBlockStack(ploc, false, true);
        if (loop == null) throw c.error(loopExitErrorLocation(c, origin), "'continue' not properly in loop");
        c.addJump(Op.JUMP, loop.block(), ploc[0]);
    }

    /** {@code compiler_import_as}: binds {@code import a.b.c as d} through IMPORT_FROM of each attribute. */
    static void importAs(Codegen c, Location loc, String name, String asname) {
        int dot = name.indexOf('.');
        if (dot != -1) {
            while (true) {
                int pos = dot + 1;
                dot = name.indexOf('.', pos);
                String attr = name.substring(pos, dot != -1 ? dot : name.length());
                c.addOpNameUnmangled(Op.IMPORT_FROM, attr, loc);
                if (dot == -1) break;
                c.addOpI(Op.SWAP, 2, loc);
                c.addOp(Op.POP_TOP, loc);
            }
            c.nameOp(loc, asname, ExprContextNode.Store);
            c.addOp(Op.POP_TOP, loc);
            return;
        }
        c.nameOp(loc, asname, ExprContextNode.Store);
    }

    /** {@code compiler_import}. */
    static void visitImport(Codegen c, Import s) {
        Location loc = Location.of(s);
        List<Alias> names = s.names();
        for (int i = 0, n = names.size(); i < n; i++) {
            Alias alias = names.get(i);
            c.loadConst(PyInt.of(0), loc);
            c.loadConst(PyConst.NONE, loc);
            LazyImports.importName(c, alias.name(), s.isLazy(), false, loc);
            if (alias.asname() != null) {
                importAs(c, loc, alias.name(), alias.asname());
            } else {
                int dot = alias.name().indexOf('.');
                c.nameOp(loc, dot != -1 ? alias.name().substring(0, dot) : alias.name(), ExprContextNode.Store);
            }
        }
    }

    /** {@code location_is_after}: whether {@code a} starts after {@code b} ends. */
    static boolean locationIsAfter(Location a, Location b) {
        return a.lineno() > b.endLineno() || (a.lineno() == b.endLineno() && a.colOffset() > b.endColOffset());
    }

    /** {@code compiler_from_import}. */
    static void visitFromImport(Codegen c, ImportFrom s) {
        Location loc = Location.of(s);
        int level = s.level() == null ? 0 : s.level();
        List<Alias> aliases = s.names();
        c.loadConst(PyInt.of(level), loc);
        PyObject[] names = new PyObject[aliases.size()];
        for (int i = 0; i < names.length; i++) names[i] = c.identifier(aliases.get(i).name());
        if (locationIsAfter(loc, c.future.location) && s.module() != null
                && (level == 0 || !c.version.has(org.jpyc.version.Feature.FUTURE_IMPORT_LEVEL_CHECKED))
                && "__future__".equals(s.module())) {
            throw c.error(loc, "from __future__ imports must occur at the beginning of the file");
        }
        c.loadConst(new PyTuple(java.util.Arrays.asList(names)), loc);
        boolean star = !aliases.isEmpty() && aliases.get(0).name().startsWith("*");
        LazyImports.importName(c, s.module() != null ? s.module() : "", s.isLazy(), star, loc);
        for (int i = 0; i < aliases.size(); i++) {
            Alias alias = aliases.get(i);
            if (i == 0 && alias.name().startsWith("*")) {
                // 3.11: IMPORT_STAR pops the module itself
                if (!c.version.has(org.jpyc.version.Feature.CALL_INTRINSICS)) {
                    c.addOp(Op.IMPORT_STAR, loc);
                    return;
                }
                c.addOpI(Op.CALL_INTRINSIC_1, c.intrinsic1("INTRINSIC_IMPORT_STAR"), loc);
                c.addOp(Op.POP_TOP, Location.NO_LOCATION);
                return;
            }
            c.addOpName(Op.IMPORT_FROM, alias.name(), loc);
            c.nameOp(loc, alias.asname() != null ? alias.asname() : alias.name(), ExprContextNode.Store);
        }
        c.addOp(Op.POP_TOP, loc);
    }

    /** {@code compiler_assert}. */
    static void visitAssert(Codegen c, Assert s) {
        ExprNode test = s.test();
        if ((test instanceof Tuple t && !t.elts().isEmpty())
                || (test instanceof Constant k && k.value() instanceof PyTuple pt && pt.size() > 0)) {
            c.warn(Location.of(s), "assertion is always true, perhaps remove parentheses?");
        }
        if (c.optimize != 0) return;
        int end = c.newLabel();
        // 3.11: what follows has the location in force after the test (a single comparison's: Feature.JUMP_IF_AT_TEST)
        Location cur = c.jumpIf(Location.of(s), test, end, true);
        c.unit().locInForce = cur;
        if (c.version.has(org.jpyc.version.Feature.LOAD_COMMON_CONSTANT)) {
            c.addOpI(Op.LOAD_COMMON_CONSTANT, c.commonConstant("AssertionError"), cur);
        } else {
            c.addOp(Op.LOAD_ASSERTION_ERROR, cur);
        }
        if (s.msg() != null) {
            c.visitExpr(s.msg());
            c.addCallSelfArg(0, cur);
        }
        // 3.12: the raise has the statement's location
        c.addOpI(Op.RAISE_VARARGS, 1, c.version.has(org.jpyc.version.Feature.ASSERT_RAISE_AT_TEST) ? Location.of(test) : cur);
        c.useLabel(end);
    }

    /** {@code compiler_augassign}. */
    static void visitAugAssign(Codegen c, AugAssign s) {
        ExprNode e = s.target();
        Location loc = Location.of(e);
        if (e instanceof Attribute a) {
            c.visitExpr(a.value());
            c.addOpI(Op.COPY, 1, loc);
            loc = ExprCodegen.updateStartLocationToMatchAttr(c, loc, a);
            c.addOpName(Op.LOAD_ATTR, a.attr(), loc);
        } else if (e instanceof Subscript sub) {
            c.visitExpr(sub.value());
            if (ExprCodegen.isTwoElementSlice(c, sub.slice())) {
                ExprCodegen.slice(c, (Slice) sub.slice());
                c.addOpI(Op.COPY, 3, loc);
                c.addOpI(Op.COPY, 3, loc);
                c.addOpI(Op.COPY, 3, loc);
                c.addOp(Op.BINARY_SLICE, loc);
            } else {
                c.visitExpr(sub.slice());
                if (c.version.has(org.jpyc.version.Feature.SWAP_COPY)) {
                    c.addOpI(Op.COPY, 2, loc);
                    c.addOpI(Op.COPY, 2, loc);
                } else {
                    c.addOp(Op.DUP_TOP_TWO, loc);
                }
                c.addSubscr(loc);
            }
        } else if (e instanceof Name n) {
            c.nameOp(loc, n.id(), ExprContextNode.Load);
        } else {
            throw new IllegalStateException("invalid node type (" + e.nodeName() + ") for augmented assignment");
        }
        c.visitExpr(s.value());
        c.addBinary(s.op(), true, Location.of(s));
        loc = Location.of(e);
        if (e instanceof Attribute a) {
            loc = ExprCodegen.updateStartLocationToMatchAttr(c, loc, a);
            c.addOpI(Op.SWAP, 2, loc);
            c.addOpName(Op.STORE_ATTR, a.attr(), loc);
        } else if (e instanceof Subscript sub) {
            if (ExprCodegen.isTwoElementSlice(c, sub.slice())) {
                c.addOpI(Op.SWAP, 4, loc);
                c.addOpI(Op.SWAP, 3, loc);
                c.addOpI(Op.SWAP, 2, loc);
                c.addOp(Op.STORE_SLICE, loc);
            } else if (c.version.has(org.jpyc.version.Feature.SWAP_COPY)) {
                c.addOpI(Op.SWAP, 3, loc);
                c.addOpI(Op.SWAP, 2, loc);
                c.addOp(Op.STORE_SUBSCR, loc);
            } else {
                c.addOp(Op.ROT_THREE, loc);
                c.addOp(Op.STORE_SUBSCR, loc);
            }
        } else {
            c.nameOp(loc, ((Name) e).id(), ExprContextNode.Store);
        }
    }

    /** {@code check_ann_expr}: the value popped at its own location, in 3.11 at the statement's {@code loc}. */
    private static void checkAnnExpr(Codegen c, ExprNode e, Location loc) {
        c.visitExpr(e);
        c.addOp(Op.POP_TOP, c.version.has(org.jpyc.version.Feature.ANN_EXPR_POP_AT_EXPR) ? Location.of(e) : loc);
    }

    /** {@code check_annotation}: a complex target's annotation is evaluated in a module or class. */
    private static void checkAnnotation(Codegen c, AnnAssign s, Location loc) {
        if ((c.future.features & CodeFlags.CO_FUTURE_ANNOTATIONS) != 0) return;
        if (c.unit().scopeType == ScopeType.MODULE || c.unit().scopeType == ScopeType.CLASS) {
            checkAnnExpr(c, s.annotation(), loc);
        }
    }

    /** {@code check_ann_subscr}. */
    private static void checkAnnSubscr(Codegen c, ExprNode e, Location loc) {
        if (e instanceof Slice sl) {
            if (sl.lower() != null) checkAnnExpr(c, sl.lower(), loc);
            if (sl.upper() != null) checkAnnExpr(c, sl.upper(), loc);
            if (sl.step() != null) checkAnnExpr(c, sl.step(), loc);
        } else if (e instanceof Tuple t) {
            for (ExprNode elt : t.elts()) checkAnnSubscr(c, elt, loc);
        } else {
            checkAnnExpr(c, e, loc);
        }
    }

    /** {@code compiler_annassign}. */
    static void visitAnnAssign(Codegen c, AnnAssign s) {
        Location loc = Location.of(s);
        ExprNode targ = s.target();
        if (s.value() != null) {
            c.visitExpr(s.value());
            c.visitExpr(targ);
        }
        if (targ instanceof Name n) {
            c.checkForbiddenName(loc, n.id(), ExprContextNode.Store);
            if (s.simple() != 0
                    && (c.unit().scopeType == ScopeType.MODULE || c.unit().scopeType == ScopeType.CLASS)) {
                if ((c.future.features & CodeFlags.CO_FUTURE_ANNOTATIONS) != 0) {
                    FunctionCodegen.visitAnnExpr(c, s.annotation(), loc);
                } else if (AnnotateFunctions.on(c)) {
                    AnnotateFunctions.deferAnnotation(c, s, loc);
                    return;
                } else {
                    c.visitExpr(s.annotation());
                }
                c.addOpName(Op.LOAD_NAME, "__annotations__", loc);
                c.loadConst(c.mangledNameConst(n.id()), loc);
                c.addOp(Op.STORE_SUBSCR, loc);
            }
        } else if (targ instanceof Attribute a) {
            c.checkForbiddenName(loc, a.attr(), ExprContextNode.Store);
            if (s.value() == null) checkAnnExpr(c, a.value(), loc);
        } else if (targ instanceof Subscript sub) {
            if (s.value() == null) {
                checkAnnExpr(c, sub.value(), loc);
                checkAnnSubscr(c, sub.slice(), loc);
            }
        } else {
            throw new IllegalStateException("invalid node type (" + targ.nodeName() + ") for annotated assignment");
        }
        // 3.14 no longer evaluates a complex target's annotation
        if (s.simple() == 0 && !AnnotateFunctions.on(c)) checkAnnotation(c, s, loc);
    }
}
