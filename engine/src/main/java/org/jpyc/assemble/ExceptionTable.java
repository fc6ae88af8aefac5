package org.jpyc.assemble;

import org.jpyc.util.ByteBuf;
import org.jpyc.instrseq.Instr;

/**
 * {@code assemble_exception_table} (Python/assemble.c; Objects/exception_handling_notes.txt): one entry
 * per run of instructions with the same handler: start, length, handler offset, and depth with the
 * lasti bit, each as a big-endian 6-bit varint, the entry's first byte marked with bit 7.
 */
final class ExceptionTable {
    private ExceptionTable() {}

    /**
     * {@code assemble_exception_table}; {@link Instr#handlerLabel} is the handler's instruction index, and
     * each instruction's {@link Instr#offset} is set ({@code resolve_jump_offsets}; {@code codeUnits} ends the code).
     */
    static byte[] assemble(Instr[] instrs, int codeUnits) {
        ByteBuf out = null;
        Instr handler = null;
        int handlerLabel = -1;
        int start = -1;
        for (Instr instr : instrs) {
            if (instr.handlerLabel != handlerLabel) {
                if (handlerLabel >= 0) {
                    if (out == null) out = new ByteBuf();
                    entry(out, start, instr.offset, instrs[handlerLabel].offset, handler);
                }
                start = instr.offset;
                handler = instr;
                handlerLabel = instr.handlerLabel;
            }
        }
        if (handlerLabel >= 0) {
            if (out == null) out = new ByteBuf();
            entry(out, start, codeUnits, instrs[handlerLabel].offset, handler);
        }
        return out == null ? NONE : out.toByteArray();
    }

    /** The table of code without handlers. */
    private static final byte[] NONE = new byte[0];

    /** {@code assemble_emit_exception_table_entry}; {@code h} carries the handler info. */
    private static void entry(ByteBuf out, int start, int end, int handlerOffset, Instr h) {
        int lasti = h.handlerPreserveLasti ? 1 : 0;
        int depth = h.handlerStartDepth - 1 - lasti;
        if (end <= start || depth < 0) throw new IllegalStateException("bad exception table entry at " + start);
        item(out, start, 0x80);
        item(out, end - start, 0);
        item(out, handlerOffset, 0);
        item(out, (depth << 1) | lasti, 0);
    }

    /** {@code assemble_emit_exception_table_item}. */
    private static void item(ByteBuf out, int value, int msb) {
        final int cont = 64;
        if (value >= 1 << 24) {
            out.write((value >> 24) | cont | msb);
            msb = 0;
        }
        if (value >= 1 << 18) {
            out.write(((value >> 18) & 0x3f) | cont | msb);
            msb = 0;
        }
        if (value >= 1 << 12) {
            out.write(((value >> 12) & 0x3f) | cont | msb);
            msb = 0;
        }
        if (value >= 1 << 6) {
            out.write(((value >> 6) & 0x3f) | cont | msb);
            msb = 0;
        }
        out.write((value & 0x3f) | msb);
    }
}
