package org.jpyc.assemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.ConstCache;
import org.jpyc.instrseq.Instr;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.OpTable;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * {@code _PyAssemble_MakeCodeObject} (Python/assemble.c of 3.13): jump offsets and EXTENDED_ARG, the
 * bytecode with zeroed inline caches, the location table, the exception table, localsplus names and
 * kinds, and the code object with every field merged through the const cache and interned as
 * {@code _PyCode_New} does. This signature is the contract.
 */
public final class Assembler {
    private Assembler() {}

    /**
     * {@code _PyAssemble_MakeCodeObject(umd, const_cache, consts, maxdepth, instrs, nlocalsplus,
     * code_flags, filename)}. {@code instrs} holds real opcodes only; jump opargs and handler labels
     * are labels (resolved here, {@code _PyInstructionSequence_ApplyLabelMap}) or already instruction
     * indices. The sequence is rewritten in place (directions, offsets, opargs).
     */
    public static PyCode makeCodeObject(PyVersion version, CodeUnitMetadata umd, ConstCache constCache,
            List<PyObject> consts, int stackdepth, InstrSequence instrs, int nlocalsplus, int codeFlags, String filename) {
        OpTable ops = OpTable.of(version);
        applyLabelMapOnce(ops, instrs);
        Instr[] list = instrs.toArray();
        if (version.has(Feature.ASSEMBLE_310)) {
            return Assembler310.makeCodeObject(ops, umd, constCache, consts, stackdepth, list, codeFlags, filename);
        }
        if (version.has(Feature.OPARG_ONLY_WITH_ARG)) {
            // 3.11's instr_size and write_instr: HAS_ARG(opcode) ? i_oparg : 0 (a NOP made from a LOAD_CONST keeps its oparg)
            for (Instr in : list) if (!ops.hasArg(in.op)) in.oparg = 0;
        }
        // resolve_unconditional_jumps, resolve_jump_offsets (3.12: flowgraph.c's, from the jumps' label ids)
        // (3.11's assemble_jump_offsets: from opargs 0, which the flowgraph leaves in Instr.offset)
        int codeUnits = JumpResolution.resolveJumps(ops, list,
                version.has(Feature.JUMP_SIZES_FROM_LABEL_IDS) || version.has(Feature.JUMP_SIZES_FROM_ZERO));

        // assemble_emit
        byte[] bytecode = BytecodeEmitter.emit(ops, list, codeUnits);
        byte[] linetable = LocationTable.assemble(ops, list, codeUnits, umd.firstlineno);
        byte[] exceptiontable = ExceptionTable.assemble(list, codeUnits);

        // makecode
        LocalsPlus lp = LocalsPlus.compute(umd, nlocalsplus, codeFlags, version.has(Feature.LOCALS_ARG_KINDS));
        CodeParts parts = new CodeParts(filename, umd.name, umd.qualname, codeFlags, umd.firstlineno,
                umd.posonlyargcount + umd.argcount, umd.posonlyargcount, umd.kwonlyargcount, stackdepth,
                bytecode, linetable, exceptiontable,
                umd.names.namesByIndex(), new ArrayList<>(consts), Arrays.asList(lp.names), lp.kinds,
                umd.qualnameObjectIfMade());
        return CodeMaker.make(constCache, parts);
    }

    /** What the assembler does with 3.14's {@code NEXT_LOCATION} before writing the location table (for checks of flowgraph's output). */
    public static void resolveNextLocations(PyVersion version, InstrSequence instrs) {
        LocationTable.resolveNextLocations(OpTable.of(version), instrs.toArray());
    }

    /** {@code _PyInstructionSequence_ApplyLabelMap}, unless the sequence's labels are already applied. */
    private static void applyLabelMapOnce(OpTable ops, InstrSequence instrs) {
        if (instrs.labelsApplied()) return;
        boolean anyBound = false;
        for (int l = 0; l < instrs.labelCount() && !anyBound; l++) anyBound = instrs.labelTarget(l) >= 0;
        if (anyBound) instrs.applyLabelMap(ops);
    }
}
