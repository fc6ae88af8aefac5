package org.jpyc.flowgraph;

import java.util.List;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.ConstCache;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.object.PyObject;
import org.jpyc.version.PyVersion;

/**
 * The optimizer's entry points (Python/flowgraph.c of 3.13, and {@code instr_sequence_to_cfg} of
 * compile.c). OWNER: the flowgraph work; these signatures are the contract with codegen and assemble.
 */
public final class FlowGraph {
    private FlowGraph() {}

    /** What {@code _PyCfg_OptimizedCfgToInstructionSequence} returns besides the sequence. */
    public record Result(InstrSequence instrs, int stackdepth, int nlocalsplus) {}

    /**
     * {@code instr_sequence_to_cfg}, {@code _PyCfg_OptimizeCodeUnit(g, consts, const_cache, nlocals,
     * nparams, firstlineno)}, then {@code _PyCfg_OptimizedCfgToInstructionSequence(g, umd, code_flags,
     * ...)}. {@code consts} is the unit's constant list, which the passes may extend (folding) and
     * compact ({@code remove_unused_consts}); the assembler then uses it as co_consts. The returned
     * sequence has labels resolved to instruction indices and only real opcodes, with exception
     * handler info set on each instruction; {@code umd}'s cellvars/freevars are as
     * {@code prepare_localsplus} leaves them.
     */
    public static Result optimizeAndConvert(PyVersion version, InstrSequence seq, CodeUnitMetadata umd,
            List<PyObject> consts, ConstCache constCache, int codeFlags, int nlocals, int nparams, int firstlineno) {
        throw new UnsupportedOperationException("FlowGraph.optimizeAndConvert: to be written");
    }
}
