package org.jpyc.assemble;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.ConstCache;
import org.jpyc.instrseq.Instr;
import org.jpyc.instrseq.OpTable;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.version.Feature;

/**
 * The assembler half of Python/compile.c 3.10's {@code assemble()} ({@link Feature#ASSEMBLE_310}):
 * {@code assemble_jump_offsets} (offsets in code units, an absolute target for {@code hasjabs} jumps, the distance
 * from the next instruction for the others), {@code assemble_emit} (no inline caches), the PEP 626 line table
 * ({@link LineRanges310}) and {@code makecode} ({@link CodeMaker310}). There is no exception table: block pushes
 * are real instructions.
 */
final class Assembler310 {
    private Assembler310() {}

    /** {@link Assembler#makeCodeObject} for 3.10: {@code instrs} has its labels applied (jump opargs are instruction indices). */
    static PyCode makeCodeObject(OpTable ops, CodeUnitMetadata umd, ConstCache constCache, List<PyObject> consts,
            int stackdepth, Instr[] list, int codeFlags, String filename) {
        // every oparg is sized and written, an op's without an argument too (a ROT_TWO made from UNPACK_SEQUENCE 3
        // is ROT_TWO 3): not OPARG_ONLY_WITH_ARG
        int codeUnits = assembleJumpOffsets(ops, list);
        byte[] bytecode = BytecodeEmitter.emit(ops, list, codeUnits);
        byte[] linetable = LineRanges310.assemble(list, umd.firstlineno);
        CodeMaker310.Parts parts = new CodeMaker310.Parts(filename, umd.name, codeFlags, umd.firstlineno,
                umd.posonlyargcount + umd.argcount, umd.posonlyargcount, umd.kwonlyargcount, stackdepth, bytecode,
                linetable, umd.names.namesByIndex(), new ArrayList<>(consts), umd.varnames.namesByIndex(),
                umd.cellvars.namesByIndex(), umd.freevars.namesByIndex(umd.cellvars.size()));
        return CodeMaker310.make(constCache, parts);
    }

    /**
     * {@code assemble_jump_offsets} (3.10): each instruction's offset in code units ({@link Instr#offset}) and each
     * jump's oparg, its target's offset ({@code hasjabs}) or the distance to it from the instruction after the jump,
     * repeated until the EXTENDED_ARG prefixes stop changing the sizes. Each pass sizes every instruction as the pass
     * before left it; a jump's first size is that of oparg 0 (codegen never sets one). The jumps' opargs are target
     * instruction indices on entry. Returns the length of the code in code units.
     */
    static int assembleJumpOffsets(OpTable ops, Instr[] instrs) {
        int n = instrs.length;
        int[] jumps = new int[n];
        int[] targets = new int[n];
        int njumps = 0;
        for (int i = 0; i < n; i++) {
            Instr instr = instrs[i];
            if (ops.hasJump(instr.op)) {
                targets[njumps] = instr.oparg;
                jumps[njumps++] = i;
                instr.oparg = 0;
            }
        }
        int[] size = new int[n];
        while (true) {
            int total = 0;
            for (int i = 0; i < n; i++) {
                Instr instr = instrs[i];
                instr.offset = total;
                size[i] = JumpResolution.extendedArgs(instr.oparg) + 1;
                total += size[i];
            }
            boolean recompile = false;
            for (int k = 0; k < njumps; k++) {
                Instr instr = instrs[jumps[k]];
                int target = instrs[targets[k]].offset;
                int isize = size[jumps[k]];
                instr.oparg = ops.isAbsoluteJump(instr.op) ? target : target - (instr.offset + isize);
                if (JumpResolution.extendedArgs(instr.oparg) + 1 != isize) recompile = true;
            }
            if (!recompile) return total;
        }
    }
}
