package org.jpyc.assemble;

import java.io.ByteArrayOutputStream;
import org.jpyc.instrseq.Instr;

/**
 * The PEP 626 line table of Python/compile.c 3.10 ({@code co_linetable}): {@code assemble_lnotab},
 * {@code assemble_line_range} and {@code assemble_emit_linetable_pair}. Each run of instructions on one line is a
 * pair (bytes of bytecode, signed line delta from the last line a run had), the delta -128 for a run without a line;
 * runs longer than 254 bytes and deltas beyond ±127 are split over several pairs. The line starts at the unit's first
 * line. ({@code co_lnotab} is computed from this table at run time, not stored.)
 */
final class LineRanges310 {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    /** {@code a_lineno}, {@code a_prevlineno}, {@code a_lineno_start} (code units), {@code a_offset} (code units). */
    private int lineno, prevlineno, linenoStart, offset;

    private LineRanges310(int firstlineno) {
        lineno = prevlineno = firstlineno;
    }

    /** The line table of {@code instrs}, whose offsets ({@link Instr#offset}, code units) are resolved. */
    static byte[] assemble(Instr[] instrs, int firstlineno) {
        LineRanges310 a = new LineRanges310(firstlineno);
        for (Instr in : instrs) {
            // assemble_emit: the line is noted before the instruction's size is added
            a.offset = in.offset;
            int l = in.loc.lineno();
            if (l != 0 && l != a.lineno) { // assemble_lnotab (a line 0 is never noted)
                a.lineRange();
                a.lineno = l;
            }
        }
        a.offset = instrs.length == 0 ? 0 : end(instrs);
        a.lineRange();
        return a.out.toByteArray();
    }

    /** The code units of the whole code: the last instruction's offset and size. */
    private static int end(Instr[] instrs) {
        Instr last = instrs[instrs.length - 1];
        return last.offset + JumpResolution.extendedArgs(last.oparg) + 1;
    }

    /** {@code assemble_line_range}: the pairs for the run from {@code linenoStart} to {@code offset}. */
    private void lineRange() {
        int bdelta = (offset - linenoStart) * 2;
        if (bdelta == 0) return;
        int ldelta;
        if (lineno < 0) {
            ldelta = -128;
        } else {
            ldelta = lineno - prevlineno;
            prevlineno = lineno;
            while (ldelta > 127) {
                pair(0, 127);
                ldelta -= 127;
            }
            while (ldelta < -127) {
                pair(0, -127);
                ldelta += 127;
            }
        }
        while (bdelta > 254) {
            pair(254, ldelta);
            ldelta = lineno < 0 ? -128 : 0;
            bdelta -= 254;
        }
        pair(bdelta, ldelta);
        linenoStart = offset;
    }

    /** {@code assemble_emit_linetable_pair}. */
    private void pair(int bdelta, int ldelta) {
        out.write(bdelta);
        out.write(ldelta);
    }
}
