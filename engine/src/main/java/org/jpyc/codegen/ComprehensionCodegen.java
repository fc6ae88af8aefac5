package org.jpyc.codegen;

import java.util.List;
import org.jpyc.ast.Comprehension;
import org.jpyc.ast.DictComp;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.GeneratorExp;
import org.jpyc.ast.ListComp;
import org.jpyc.ast.SetComp;
import org.jpyc.ast.Starred;
import org.jpyc.ast.Tuple;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyConst;
import org.jpyc.symtable.Scope;

/**
 * Comprehensions and generator expressions, Python/compile.c of 3.13: {@code compiler_comprehension}
 * and the generator loops it emits. List, set and dict comprehensions that the symbol table marks
 * inlined (PEP 709, {@code ste_comp_inlined}) are compiled into the enclosing unit
 * ({@link InlinedComprehension}); the others and every generator expression become a nested code
 * unit called at once with the outermost iterator as its only argument.
 */
public final class ComprehensionCodegen {
    private ComprehensionCodegen() {}

    /** {@code COMP_*}: what the innermost loop does with each element. */
    enum Kind {
        GENEXP(null), LISTCOMP(Op.BUILD_LIST), SETCOMP(Op.BUILD_SET), DICTCOMP(Op.BUILD_MAP);

        /** The instruction that creates the empty result (none for a generator). */
        final Op build;

        Kind(Op build) {
            this.build = build;
        }
    }

    /** {@code compiler_listcomp}. */
    public static void visitListComp(Codegen c, ListComp e) {
        comprehension(c, e, Kind.LISTCOMP, "<listcomp>", e.generators(), e.elt(), null);
    }

    /** {@code compiler_setcomp}. */
    public static void visitSetComp(Codegen c, SetComp e) {
        comprehension(c, e, Kind.SETCOMP, "<setcomp>", e.generators(), e.elt(), null);
    }

    /** {@code compiler_dictcomp}. */
    public static void visitDictComp(Codegen c, DictComp e) {
        comprehension(c, e, Kind.DICTCOMP, "<dictcomp>", e.generators(), e.key(), e.value());
    }

    /** {@code compiler_genexp}. */
    public static void visitGeneratorExp(Codegen c, GeneratorExp e) {
        comprehension(c, e, Kind.GENEXP, "<genexpr>", e.generators(), e.elt(), null);
    }

    /** {@code compiler_comprehension}. */
    private static void comprehension(Codegen c, ExprNode e, Kind kind, String name, List<Comprehension> generators,
                                      ExprNode elt, ExprNode val) {
        ScopeType outerScopeType = c.unit().scopeType;
        boolean topLevelAwait = c.isTopLevelAwait();
        Scope entry = c.st.lookup(e);
        if (entry == null) throw new IllegalStateException("no symbol table entry for " + e.nodeName());
        boolean inlined = entry.compInlined;
        boolean asyncGenerator = entry.coroutine;
        Location loc = Location.of(e);
        Comprehension outermost = generators.get(0);

        // 3.15 (virtual iterators): the outermost iterable becomes an iterator inside the comprehension's own code
        boolean virtualIterators = c.version.has(org.jpyc.version.Feature.VIRTUAL_ITERATORS);
        boolean genexpIter = virtualIterators && kind == Kind.GENEXP;
        InlinedComprehension state = null;
        if (inlined) {
            if (virtualIterators) c.visitExpr(outermost.iter());
            else iter(c, outermost, loc);
            state = InlinedComprehension.push(c, loc, entry);
        } else if (genexpIter) {
            c.enterScope(name, ScopeType.COMPREHENSION, e, e.lineno(), Codegen.CodeUnitSetup.NONE,
                    () -> GeneratorPreamble.genexpPrologue(c, outermost));
        } else {
            c.enterScope(name, ScopeType.COMPREHENSION, e, e.lineno(), Codegen.CodeUnitSetup.NONE);
        }

        if (asyncGenerator && kind != Kind.GENEXP && outerScopeType != ScopeType.ASYNC_FUNCTION
                && outerScopeType != ScopeType.COMPREHENSION && !topLevelAwait) {
            throw c.error(loc, "asynchronous comprehension outside of an asynchronous function");
        }

        if (kind != Kind.GENEXP) {
            c.addOpI(kind.build, 0, loc);
            if (inlined) c.addOpI(Op.SWAP, 2, loc);
        }
        if (inlined && virtualIterators) c.addOp(outermost.isAsync() != 0 ? Op.GET_AITER : Op.GET_ITER, Location.of(outermost.iter()));

        Location after = generator(c, loc, generators, 0, 0, elt, val, kind, inlined || genexpIter);

        if (inlined) {
            state.pop(c, loc);
            return;
        }

        // 3.11: the return has the location in force (Feature.COMPREHENSION_ELEMENT_LOCATION)
        if (kind != Kind.GENEXP) c.addOp(Op.RETURN_VALUE, elementLocations(c) ? loc : after);
        else if (c.version.has(org.jpyc.version.Feature.STOPITERATION_HANDLER)) c.wrapInStopIterationHandler();

        PyCode co = c.exitScope(true);
        if (topLevelAwait && asyncGenerator) c.scope().coroutine = true;

        c.makeClosure(loc, co, 0);
        if (virtualIterators) c.visitExpr(outermost.iter());
        else iter(c, outermost, loc);
        c.addCallSelfArg(0, loc);
        if (asyncGenerator && kind != Kind.GENEXP) {
            c.addOpI(Op.GET_AWAITABLE, 0, loc);
            c.addSendNullSlot(loc);
            c.loadConst(PyConst.NONE, loc);
            c.addYieldFrom(loc, true);
        }
    }

    /** {@code compiler_comprehension_iter}: the outermost iterable, evaluated in the enclosing scope. */
    private static void iter(Codegen c, Comprehension comp, Location loc) {
        c.visitExpr(comp.iter());
        Location iterLoc = c.version.has(org.jpyc.version.Feature.ITER_AT_ITERABLE_LOCATION) ? Location.of(comp.iter()) : loc;
        c.addOp(comp.isAsync() != 0 ? Op.GET_AITER : Op.GET_ITER, iterLoc);
    }

    /**
     * {@code compiler_comprehension_generator}: loop {@code genIndex} and, inside it, the rest. Returns the location
     * in force afterwards: {@code loc}, or in 3.11 the last single comparison's of an {@code if} (see
     * {@link Codegen#jumpIf}).
     */
    private static Location generator(Codegen c, Location loc, List<Comprehension> generators, int genIndex, int depth,
                                      ExprNode elt, ExprNode val, Kind kind, boolean iterOnStack) {
        if (generators.get(genIndex).isAsync() != 0) {
            return asyncGenerator(c, loc, generators, genIndex, depth, elt, val, kind, iterOnStack);
        }
        return syncGenerator(c, loc, generators, genIndex, depth, elt, val, kind, iterOnStack);
    }

    /** Whether the element's instructions and the back jump have the element's location ({@code Feature.COMPREHENSION_ELEMENT_LOCATION}). */
    private static boolean elementLocations(Codegen c) {
        return c.version.has(org.jpyc.version.Feature.COMPREHENSION_ELEMENT_LOCATION);
    }

    /**
     * {@code compiler_sync_comprehension_generator}: a FOR_ITER loop; {@code for y in [expr]} (a
     * one-element list or tuple, not the outermost loop) binds {@code y} without a loop.
     */
    private static Location syncGenerator(Codegen c, Location loc, List<Comprehension> generators, int genIndex,
                                          int depth, ExprNode elt, ExprNode val, Kind kind, boolean iterOnStack) {
        int start = c.newLabel();
        int ifCleanup = c.newLabel();
        int anchor = c.newLabel();
        Comprehension gen = generators.get(genIndex);
        // 3.12: the loop's GET_ITER and FOR_ITER have the comprehension's location
        Location iterLoc = c.version.has(org.jpyc.version.Feature.ITER_AT_ITERABLE_LOCATION) ? Location.of(gen.iter()) : loc;

        if (!iterOnStack) {
            if (genIndex == 0) {
                // the outermost iterator is the implicit argument .0 (3.15: the iterable, made an iterator here)
                c.unit().metadata.argcount = 1;
                c.addOpI(Op.LOAD_FAST, 0, loc);
                if (c.version.has(org.jpyc.version.Feature.VIRTUAL_ITERATORS)) c.addOp(Op.GET_ITER, iterLoc);
            } else {
                List<ExprNode> elts = null;
                if (gen.iter() instanceof org.jpyc.ast.List l) elts = l.elts();
                else if (gen.iter() instanceof Tuple t) elts = t.elts();
                if (elts != null && elts.size() == 1 && !(elts.get(0) instanceof Starred)) {
                    c.visitExpr(elts.get(0));
                    start = InstrSequence.NO_LABEL;
                }
                if (start != InstrSequence.NO_LABEL) {
                    c.visitExpr(gen.iter());
                    c.addOp(Op.GET_ITER, iterLoc);
                }
            }
        }
        if (start != InstrSequence.NO_LABEL) {
            depth++;
            // 3.15 (virtual iterators): a running loop holds two stack items
            if (c.version.has(org.jpyc.version.Feature.VIRTUAL_ITERATORS)) depth++;
            // 3.13 applies GET_ITER again to an iterator already made (3.12 and 3.14 do not)
            if (c.version.has(org.jpyc.version.Feature.COMPREHENSION_REPEATED_GET_ITER)) c.addOp(Op.GET_ITER, iterLoc);
            c.useLabel(start);
            c.addJump(Op.FOR_ITER, anchor, iterLoc);
        }
        c.visitExpr(gen.target());
        Location cur = loc;
        for (ExprNode cond : gen.ifs()) cur = c.jumpIf(cur, cond, ifCleanup, false);

        if (++genIndex < generators.size()) {
            cur = generator(c, cur, generators, genIndex, depth, elt, val, kind, false);
        }
        Location eltLoc = Location.of(elt);
        if (genIndex >= generators.size()) eltLoc = element(c, kind, elt, val, depth, cur);
        if (!elementLocations(c)) eltLoc = cur;

        c.useLabel(ifCleanup);
        if (start != InstrSequence.NO_LABEL) {
            c.addJump(Op.JUMP, start, eltLoc);
            c.useLabel(anchor);
            endFor(c);
        }
        return cur;
    }

    /**
     * The exit of a FOR_ITER loop: END_FOR first (instrumentation relies on it), then the iterator
     * is popped. Version seam: 3.12 emits END_FOR alone, 3.14 END_FOR then POP_ITER.
     */
    private static void endFor(Codegen c) {
        c.addEndFor();
    }

    /** {@code compiler_async_comprehension_generator}: an {@code async for} loop ending in END_ASYNC_FOR. */
    private static Location asyncGenerator(Codegen c, Location loc, List<Comprehension> generators, int genIndex,
                                           int depth, ExprNode elt, ExprNode val, Kind kind, boolean iterOnStack) {
        boolean jumps = c.version.has(org.jpyc.version.Feature.END_ASYNC_FOR_JUMPS);
        int start = c.newLabel();
        int send = jumps ? c.newLabel() : InstrSequence.NO_LABEL;
        int except = c.newLabel();
        int ifCleanup = c.newLabel();
        Comprehension gen = generators.get(genIndex);

        if (!iterOnStack) {
            if (genIndex == 0) {
                c.unit().metadata.argcount = 1;
                c.addOpI(Op.LOAD_FAST, 0, loc);
                if (c.version.has(org.jpyc.version.Feature.VIRTUAL_ITERATORS)) c.addOp(Op.GET_AITER, Location.of(gen.iter()));
            } else {
                c.visitExpr(gen.iter());
                // 3.12: at the comprehension's location
                c.addOp(Op.GET_AITER, c.version.has(org.jpyc.version.Feature.ITER_AT_ITERABLE_LOCATION) ? Location.of(gen.iter()) : loc);
            }
        }

        c.useLabel(start);
        // the interpreter pushes a block here
        c.pushFBlock(loc, FBlockType.ASYNC_COMPREHENSION_GENERATOR, start, InstrSequence.NO_LABEL, null);
        c.addJump(Op.SETUP_FINALLY, except, loc);
        c.addOp(Op.GET_ANEXT, loc);
        c.addSendNullSlot(loc);
        c.loadConst(PyConst.NONE, loc);
        if (jumps) c.useLabel(send);
        c.addYieldFrom(loc, true);
        c.addOp(Op.POP_BLOCK, loc);
        c.visitExpr(gen.target());
        Location cur = loc;
        for (ExprNode cond : gen.ifs()) cur = c.jumpIf(cur, cond, ifCleanup, false);

        depth++;
        if (++genIndex < generators.size()) {
            cur = generator(c, cur, generators, genIndex, depth, elt, val, kind, false);
        }
        Location eltLoc = Location.of(elt);
        if (genIndex >= generators.size()) eltLoc = element(c, kind, elt, val, depth, cur);
        if (!elementLocations(c)) eltLoc = cur;

        c.useLabel(ifCleanup);
        c.addJump(Op.JUMP, start, eltLoc);
        c.popFBlock(FBlockType.ASYNC_COMPREHENSION_GENERATOR, start);

        c.useLabel(except);
        if (jumps) {
            c.addJump(Op.END_ASYNC_FOR, send, loc);
        } else {
            c.addOp(Op.END_ASYNC_FOR, cur);
        }
        return cur;
    }

    /**
     * PEP 798 (Python/codegen.c 3.15): the innermost loop's {@code *elt} (or a dict comprehension's {@code **elt})
     * extends the result, or for a generator expression is yielded item by item by a loop of its own. Returns the
     * location of the loop's back jump.
     */
    private static Location unpackedElement(Codegen c, Kind kind, ExprNode elt, int depth) {
        Location loc = Location.of(elt);
        c.visitExpr(elt instanceof Starred s ? s.value() : elt);
        switch (kind) {
            case GENEXP -> {
                int loop = c.newLabel();
                int end = c.newLabel();
                c.addOpI(Op.GET_ITER, 0, loc);
                c.useLabel(loop);
                c.addJump(Op.FOR_ITER, end, loc);
                c.addYield(loc);
                c.addOp(Op.POP_TOP, loc);
                c.addJump(Op.JUMP, loop, Location.NO_LOCATION);
                c.useLabel(end);
                endFor(c);
            }
            case LISTCOMP -> c.addOpI(Op.LIST_EXTEND, depth + 1, loc);
            case SETCOMP -> c.addOpI(Op.SET_UPDATE, depth + 1, loc);
            case DICTCOMP -> c.addOpI(Op.DICT_UPDATE, depth + 1, loc);
        }
        return loc;
    }

    /**
     * The body of the innermost loop: yield the element or add it to the result {@code depth + 1}
     * items down the stack. Returns the location the loop's back jump takes (for a dict comprehension,
     * the span from key to value). In 3.11 the instructions have the location in force, {@code cur}.
     */
    private static Location element(Codegen c, Kind kind, ExprNode elt, ExprNode val, int depth, Location cur) {
        Location eltLoc = elementLocations(c) ? Location.of(elt) : cur;
        if ((elt instanceof Starred || kind == Kind.DICTCOMP && val == null)
                && c.version.has(org.jpyc.version.Feature.COMPREHENSION_UNPACKING)) {
            return unpackedElement(c, kind, elt, depth);
        }
        switch (kind) {
            case GENEXP -> {
                c.visitExpr(elt);
                c.addYield(eltLoc);
                c.addOp(Op.POP_TOP, eltLoc);
            }
            case LISTCOMP -> {
                c.visitExpr(elt);
                c.addOpI(Op.LIST_APPEND, depth + 1, eltLoc);
            }
            case SETCOMP -> {
                c.visitExpr(elt);
                c.addOpI(Op.SET_ADD, depth + 1, eltLoc);
            }
            case DICTCOMP -> {
                // key before value, as in a display
                c.visitExpr(elt);
                c.visitExpr(val);
                Location v = Location.of(val);
                if (elementLocations(c)) eltLoc = new Location(eltLoc.lineno(), v.endLineno(), eltLoc.colOffset(), v.endColOffset());
                c.addOpI(Op.MAP_ADD, depth + 1, eltLoc);
            }
        }
        return eltLoc;
    }
}
