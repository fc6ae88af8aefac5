package org.jpyc.assemble;

import org.jpyc.instrseq.Instr;
import org.jpyc.instrseq.Op;
import org.jpyc.instrseq.OpTable;

/**
 * {@code assemble_emit_instr} and {@code write_instr} (Python/assemble.c): the bytecode, two bytes per
 * code unit, with EXTENDED_ARG prefixes for wide opargs and each instruction's inline cache units
 * written as {@code CACHE 0}.
 */
final class BytecodeEmitter {
    private BytecodeEmitter() {}

    /** The bytecode of a sequence whose jumps are resolved ({@code co_code}), {@code codeUnits} code units long. */
    static byte[] emit(OpTable ops, Instr[] instrs, int codeUnits) {
        byte[] out = new byte[codeUnits * 2];
        int extendedArg = ops.number(Op.EXTENDED_ARG);
        int cache = ops.has(Op.CACHE) ? ops.number(Op.CACHE) : 0; // (none before 3.11)
        int pos = 0;
        for (Instr instr : instrs) pos = writeInstr(ops, out, pos, instr, extendedArg, cache);
        if (pos != out.length) throw new IllegalStateException("bytecode of " + pos + " bytes, " + out.length + " expected");
        return out;
    }

    /** {@code write_instr}: writes {@code instr} at {@code pos}; returns the position after it. */
    private static int writeInstr(OpTable ops, byte[] out, int pos, Instr instr, int extendedArg, int cache) {
        if (ops.isPseudo(instr.op)) throw new IllegalStateException("pseudo instruction left for the assembler: " + instr);
        int opcode = ops.number(instr.op);
        int oparg = instr.oparg;
        int caches = ops.caches(instr.op);
        int prefixes = JumpResolution.extendedArgs(oparg);
        for (int k = prefixes; k >= 1; k--) {
            out[pos++] = (byte) extendedArg;
            out[pos++] = (byte) (oparg >> (8 * k));
        }
        out[pos++] = (byte) opcode;
        out[pos++] = (byte) oparg;
        for (int k = 0; k < caches; k++) {
            out[pos] = (byte) cache; // and its argument byte, 0 (the array is zeroed)
            pos += 2;
        }
        return pos;
    }
}
