package org.jpyc.flowgraph;

import java.util.List;
import java.util.function.UnaryOperator;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.StackIo;
import org.jpyc.object.PyObject;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The optimizer's driver for CPython 3.14 (Python/flowgraph.c 3.14), as a delta on 3.13's
 * {@link Optimizer}. {@code _PyCfg_OptimizeCodeUnit} and {@code optimize_cfg} keep 3.13's pass lists;
 * what differs is inside two of the passes ({@code optimize_load_const} and
 * {@code optimize_basic_block} fold constants: {@link ConstFolding314}, {@link Peephole314}) and the
 * conversion back to a sequence:
 * <pre>
 * _PyCfg_OptimizedCfgToInstructionSequence (3.14)
 *   convert_pseudo_conditional_jumps     new
 *   calculate_stackdepth
 *   prepare_localsplus
 *   convert_pseudo_ops
 *   normalize_jumps                      NOT_TAKEN after conditional jumps
 *   optimize_load_fast                   new
 * </pre>
 */
final class Optimizer314 extends Optimizer {
    private final ConstFolding314 folding;
    private final StackIo stackIo;

    Optimizer314(PyVersion version, List<PyObject> consts, UnaryOperator<PyObject> mergeOne) {
        super(version, consts, mergeOne);
        this.folding = new ConstFolding314(version, facts, consts, mergeOne);
        this.constFolding = folding;
        this.stackIo = facts.stackIo;
    }

    /** {@code optimize_basic_block} (3.14). */
    @Override
    void optimizeBasicBlock(BasicBlock b) {
        Peephole314.optimizeBasicBlock(facts, folding, b);
    }

    /** {@code _PyCompile_OptimizeCfg} (3.14) ends with {@code calculate_stackdepth} and {@code optimize_load_fast}. */
    @Override
    void optimizeCfgApiTail(Cfg g) {
        StackDepth.calculateStackdepth(g);
        if (version.has(Feature.LOAD_FAST_BORROW)) OptimizeLoadFast.optimizeLoadFast(g, stackIo);
    }

    /** {@code _PyCfg_OptimizedCfgToInstructionSequence} (3.14). */
    @Override
    FlowGraph.Result optimizedCfgToInstructionSequence(Cfg g, CodeUnitMetadata umd, int codeFlags) {
        if (version.has(Feature.PSEUDO_CONDITIONAL_JUMPS)) JumpPasses.convertPseudoConditionalJumps(g);
        int stackdepth = StackDepth.calculateStackdepth(g);
        int nlocalsplus = LocalsPlus.prepareLocalsplus(umd, g, codeFlags);
        JumpPasses.convertPseudoOps(g);
        if (version.has(Feature.NOT_TAKEN)) JumpPasses.normalizeJumps314(g);
        else JumpPasses.normalizeJumps(g);
        if (version.has(Feature.LOAD_FAST_BORROW)) OptimizeLoadFast.optimizeLoadFast(g, stackIo);
        if (version.has(Feature.GET_ITER_YIELD_FROM_CHECKS)) YieldFromIter.resolveGetIterOpargs(g, codeFlags);
        return new FlowGraph.Result(toInstructionSequence(g), stackdepth, nlocalsplus);
    }
}
