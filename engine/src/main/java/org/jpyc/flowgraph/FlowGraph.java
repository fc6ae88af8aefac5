package org.jpyc.flowgraph;

import java.util.List;
import java.util.function.UnaryOperator;
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
     * sequence has labels resolved to instruction indices (jump opargs and each instruction's
     * {@code handlerLabel} are instruction indices), with exception handler info set on each
     * instruction. As in CPython, the unconditional pseudo jumps JUMP and JUMP_NO_INTERRUPT are still
     * there: the assembler's {@code resolve_unconditional_jumps} picks their forward or backward form;
     * every other op is real (3.12: they are resolved too, JUMP_FORWARD / JUMP_BACKWARD(_NO_INTERRUPT), and each
     * jump's {@code offset} holds the label id its first EXTENDED_ARG size is taken from). {@code umd}'s cellvars/freevars are as {@code prepare_localsplus} leaves
     * them (unchanged). {@code seq} is not modified. {@code mergeOne} is {@code _PyCompile_ConstCacheMergeOne}
     * of the module's constant cache ({@link ConstCache#mergeOne}).
     */
    public static Result optimizeAndConvert(PyVersion version, InstrSequence seq, CodeUnitMetadata umd,
            List<PyObject> consts, UnaryOperator<PyObject> mergeOne, int codeFlags, int nlocals, int nparams, int firstlineno) {
        Optimizer o = Optimizer.of(version, consts, mergeOne);
        Cfg g = o.instrSequenceToCfg(seq);
        o.optimizeCodeUnit(g, nlocals, nparams, firstlineno);
        return o.optimizedCfgToInstructionSequence(g, umd, codeFlags);
    }

    /**
     * {@code _PyCompile_OptimizeCfg} (what {@code _testinternalcapi.optimize_cfg} runs): the CFG
     * optimization alone with nparams 0 and firstlineno 1 (3.14: then {@code calculate_stackdepth} and
     * {@code optimize_load_fast}), converted back with labels applied and pseudo ops kept. For checking this stage against CPython's.
     */
    public static InstrSequence optimizeCfg(PyVersion version, InstrSequence seq, List<PyObject> consts,
            UnaryOperator<PyObject> mergeOne, int nlocals) {
        Optimizer o = Optimizer.of(version, consts, mergeOne);
        Cfg g = o.instrSequenceToCfg(seq);
        o.optimizeCodeUnit(g, nlocals, 0, 1);
        o.optimizeCfgApiTail(g);
        return o.toInstructionSequence(g);
    }
}
