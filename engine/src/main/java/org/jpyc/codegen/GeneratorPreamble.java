package org.jpyc.codegen;

import org.jpyc.ast.Comprehension;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.symtable.Scope;
import org.jpyc.version.Feature;

/**
 * The generator preamble that 3.15 emits in code generation (Python/codegen.c 3.15, magic 3660 "Change generator
 * preamble code"; before, {@code insert_prefix_instructions} of flowgraph.c added it): a generator's or coroutine's
 * unit starts with RETURN_GENERATOR, POP_TOP at {@code (firstlineno, firstlineno, -1, -1)}, and its StopIteration
 * handler's SETUP_CLEANUP goes right after them. A generator expression first turns its argument into an iterator
 * (RESUME_AT_GEN_EXPR_START, LOAD_FAST .0, GET_ITER or GET_AITER), so that a bad iterable raises at the call.
 */
final class GeneratorPreamble {
    private GeneratorPreamble() {}

    /** {@code RESUME_AT_GEN_EXPR_START} (Include/internal/pycore_opcode_utils.h 3.15). */
    static final int RESUME_AT_GEN_EXPR_START = 4;

    /** Whether the unit of {@code ste} gets the preamble. */
    static boolean applies(Codegen c, Scope ste) {
        return c.version.has(Feature.GENERATOR_PREAMBLE_IN_CODEGEN) && (ste.generator || ste.coroutine);
    }

    /**
     * A generator expression's prologue, before its preamble: the outermost iterable {@code .0} made an iterator
     * where the generator starts (3.15 virtual iterators: the caller passes the iterable itself).
     */
    static void genexpPrologue(Codegen c, Comprehension outermost) {
        Location iterLoc = Location.of(outermost.iter());
        c.unit().metadata.argcount = 1;
        c.addOpI(Op.RESUME, RESUME_AT_GEN_EXPR_START, Location.NO_LOCATION);
        c.addOpI(Op.LOAD_FAST, 0, iterLoc);
        c.addOp(outermost.isAsync() != 0 ? Op.GET_AITER : Op.GET_ITER, iterLoc);
    }

    /** RETURN_GENERATOR, POP_TOP; records where the StopIteration handler's SETUP_CLEANUP is inserted. */
    static void emit(Codegen c, int firstlineno) {
        Location loc = new Location(firstlineno, firstlineno, -1, -1);
        c.addOp(Op.RETURN_GENERATOR, loc);
        c.addOp(Op.POP_TOP, loc);
        c.unit().stopIterationHandlerAt = c.unit().instrs.size();
    }
}
