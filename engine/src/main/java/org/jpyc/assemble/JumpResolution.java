package org.jpyc.assemble;

import org.jpyc.instrseq.Instr;
import org.jpyc.instrseq.Op;
import org.jpyc.instrseq.OpTable;

/**
 * Jumps, from instruction indices to code-unit offsets (Python/assemble.c):
 * {@code resolve_unconditional_jumps}, {@code resolve_jump_offsets} and {@code instr_size}.
 */
final class JumpResolution {
    private JumpResolution() {}

    /** {@code END_SEND_OFFSET} (3.14): code units from a SEND to its END_SEND (SEND + cache, YIELD_VALUE, RESUME, JUMP_BACKWARD_NO_INTERRUPT). */
    static final int END_SEND_OFFSET = 5;

    /**
     * {@code END_SEND_OFFSET} of the version {@code ops} describes: the code units of SEND, YIELD_VALUE, RESUME and
     * JUMP_BACKWARD_NO_INTERRUPT with their inline caches (3.14: 5; 3.15, whose RESUME has a cache entry: 6).
     */
    static int endSendOffset(OpTable ops) {
        return 4 + ops.caches(Op.SEND) + ops.caches(Op.YIELD_VALUE) + ops.caches(Op.RESUME) + ops.caches(Op.JUMP_BACKWARD_NO_INTERRUPT);
    }

    /** {@code instr_size}: EXTENDED_ARG prefixes, the instruction, its inline caches (code units). */
    static int instrSize(OpTable ops, Instr instr) {
        return extendedArgs(instr.oparg) + 1 + ops.caches(instr.op);
    }

    /** The EXTENDED_ARG prefixes an oparg needs ({@code instr_size}'s {@code extended_args}). */
    static int extendedArgs(int oparg) {
        if (oparg <= 0xFF) return 0; // the common case first, and small enough for C1 to inline
        return oparg <= 0xFFFF ? 1 : oparg <= 0xFFFFFF ? 2 : 3;
    }

    /**
     * {@code resolve_unconditional_jumps} for one pseudo jump, {@code JUMP} or {@code JUMP_NO_INTERRUPT}: its
     * forward or backward real form, by whether its target index lies after it.
     */
    private static Op unconditionalJump(Op op, boolean forward) {
        if (forward) return Op.JUMP_FORWARD;
        return op == Op.JUMP ? Op.JUMP_BACKWARD : Op.JUMP_BACKWARD_NO_INTERRUPT;
    }

    /**
     * {@code resolve_unconditional_jumps} then {@code resolve_jump_offsets}: each instruction's offset
     * ({@link Instr#offset}), and each jump's oparg as the distance in code units from the instruction after it
     * to its target (backwards for backward jumps), repeated until the EXTENDED_ARG prefixes this needs stop
     * changing the sizes. The first pass's walk is the second's first: an instruction's unconditional jump is
     * resolved before its size and jump-ness are read, and neither pass reads a later instruction's op there.
     * Returns the length of the code in code units. With {@code labelSized} (3.12's {@code resolve_jump_offsets}),
     * a jump's first size is that of the label id the flowgraph left in its {@link Instr#offset}.
     */
    static int resolveJumps(OpTable ops, Instr[] instrs, boolean labelSized) {
        int n = instrs.length;
        // the jumps, by index, and their target indices (i_target): only they change in the loop below; the
        // first offsets are taken in the same walk
        int[] jumps = new int[n];
        int[] targets = new int[n];
        int njumps = 0;
        int total = 0;
        for (int i = 0; i < n; i++) {
            Instr instr = instrs[i];
            Op op = instr.op;
            if (op == Op.JUMP || op == Op.JUMP_NO_INTERRUPT) instr.op = op = unconditionalJump(op, instr.oparg > i);
            if (ops.hasJump(op)) {
                if (ops.isPseudo(op)) throw new IllegalStateException("pseudo jump left for the assembler: " + instr);
                targets[njumps] = instr.oparg;
                jumps[njumps++] = i;
                if (labelSized) instr.oparg = instr.offset; // 3.12: the oparg the jump holds when the fixpoint starts
            }
            instr.offset = total;
            total += instrSize(ops, instr);
        }
        while (true) {
            boolean recompile = false;
            for (int k = 0; k < njumps; k++) {
                Instr instr = instrs[jumps[k]];
                int isize = instrSize(ops, instr);
                // the offset after the jump, with the sizes this pass started from (as CPython's loop
                // sums them: each instruction's size is taken before its own oparg changes)
                int offset = instr.offset + isize;
                int targetOffset = instrs[targets[k]].offset;
                // 3.14: END_ASYNC_FOR's "target" (for sys.monitoring) is where END_SEND follows its SEND
                if (instr.op == Op.END_ASYNC_FOR) targetOffset += endSendOffset(ops);
                instr.oparg = targetOffset < offset ? offset - targetOffset : targetOffset - offset;
                if (instrSize(ops, instr) != isize) recompile = true;
            }
            if (!recompile) return total;
            total = 0;
            for (Instr instr : instrs) {
                instr.offset = total;
                total += instrSize(ops, instr);
            }
        }
    }
}
