package org.jpyc.assemble;

import org.jpyc.util.ByteBuf;
import java.util.List;
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

    /** The bytecode of a sequence whose jumps are resolved ({@code co_code}). */
    static byte[] emit(OpTable ops, List<Instr> instrs) {
        ByteBuf out = new ByteBuf(instrs.size() * 4);
        int extendedArg = ops.number(Op.EXTENDED_ARG);
        int cache = ops.number(Op.CACHE);
        for (Instr instr : instrs) writeInstr(ops, out, instr, JumpResolution.instrSize(ops, instr), extendedArg, cache);
        return out.toByteArray();
    }

    /** {@code write_instr}. */
    private static void writeInstr(OpTable ops, ByteBuf out, Instr instr, int ilen, int extendedArg, int cache) {
        if (ops.isPseudo(instr.op)) throw new IllegalStateException("pseudo instruction left for the assembler: " + instr);
        int opcode = ops.number(instr.op);
        int oparg = instr.oparg;
        int caches = ops.caches(instr.op);
        int prefixes = ilen - caches - 1;
        for (int k = prefixes; k >= 1; k--) {
            out.write(extendedArg);
            out.write((oparg >> (8 * k)) & 0xFF);
        }
        out.write(opcode);
        out.write(oparg & 0xFF);
        for (int k = 0; k < caches; k++) {
            out.write(cache);
            out.write(0);
        }
    }
}
