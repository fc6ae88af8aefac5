package org.jpyc.flowgraph;

import java.util.List;
import java.util.function.UnaryOperator;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.object.PyObject;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The optimizer's driver for CPython 3.12 (Python/flowgraph.c 3.12 and the end of {@code
 * optimize_and_assemble_code_unit} in Python/compile.c), as a delta on 3.13's {@link Optimizer}:
 * <pre>
 * _PyCfg_OptimizeCodeUnit (3.12)
 *   translate_jump_labels_to_targets, mark_except_handlers
 *   label_exception_targets                     YIELD_VALUE oparg = except depth; POP_BLOCK stays
 *   optimize_cfg
 *     check_cfg
 *     eliminate_empty_basic_blocks
 *     inline_small_exit_blocks                  per block
 *     optimize_basic_block                      per block (LOAD_CONST rules inside)
 *     remove_redundant_nops_and_pairs
 *     inline_small_exit_blocks                  per block
 *     mark_reachable, unreachable blocks emptied
 *     remove_redundant_nops                     per block
 *     eliminate_empty_basic_blocks
 *     remove_redundant_jumps
 *   remove_unused_consts
 *   add_checks_for_loads_of_uninitialized_variables
 *   push_cold_blocks_to_end                     explicit JUMP; then remove_redundant_jumps
 *   resolve_line_numbers                        duplicate_exits_without_lineno, propagate_line_numbers,
 *                                               guarantee_lineno_for_exits
 * prepare_localsplus
 * _PyCfg_Stackdepth                             after the prefix; a generator enters at depth 1
 * _PyCfg_ConvertPseudoOps                       block pushes, POP_BLOCK to NOP; remove_redundant_nops
 * _PyCfg_ResolveJumps: normalize_jumps          JUMP's direction chosen here
 * cfg_to_instr_sequence
 * </pre>
 * There is no {@code insert_superinstructions} ({@link Feature#SUPERINSTRUCTIONS} is 3.13's). Jump offsets
 * ({@code resolve_jump_offsets}) are left to the assembler, which computes the same ones.
 */
final class Optimizer312 extends Optimizer {
    Optimizer312(PyVersion version, List<PyObject> consts, UnaryOperator<PyObject> mergeOne) {
        super(version, consts, mergeOne);
    }

    /** {@code _PyCfg_OptimizeCodeUnit} (3.12). */
    @Override
    void optimizeCodeUnit(Cfg g, int nlocals, int nparams, int firstlineno) {
        g.translateJumpLabelsToTargets();
        ExceptionLabels.markExceptHandlers(g);
        ExceptionLabels.labelExceptionTargets(g);

        optimizeCfg(g, firstlineno);
        constFolding.removeUnusedConsts(g);
        UninitializedLocals.addChecksForLoadsOfUninitializedVariables(g, nlocals, nparams);
        if (version.has(Feature.SUPERINSTRUCTIONS)) Peephole.insertSuperinstructions(g);
        ColdBlocks.pushColdBlocksToEnd(g);
        if (version.has(Feature.GUARANTEE_LINENO_FOR_EXITS)) LineNumbers312.resolveLineNumbers(g, firstlineno);
        else LineNumbers.resolveLineNumbers(g, firstlineno);
    }

    /** {@code optimize_cfg} (3.12). */
    @Override
    void optimizeCfg(Cfg g, int firstlineno) {
        g.checkCfg();
        JumpPasses312.eliminateEmptyBasicBlocks(g);
        for (BasicBlock b = g.entry; b != null; b = b.next) JumpPasses312.inlineSmallExitBlocks(facts, b);
        for (BasicBlock b = g.entry; b != null; b = b.next) optimizeBasicBlock(b);
        JumpPasses.removeRedundantNopsAndPairs(g);
        for (BasicBlock b = g.entry; b != null; b = b.next) JumpPasses312.inlineSmallExitBlocks(facts, b);
        JumpPasses312.markReachable(g);
        JumpPasses312.deleteUnreachable(g);
        for (BasicBlock b = g.entry; b != null; b = b.next) JumpPasses.basicblockRemoveRedundantNops(b);
        JumpPasses312.eliminateEmptyBasicBlocks(g);
        JumpPasses.removeRedundantJumps(g);
    }

    /** {@code optimize_basic_block} (3.12). */
    @Override
    void optimizeBasicBlock(BasicBlock b) {
        Peephole312.optimizeBasicBlock(facts, constFolding, b);
    }

    /**
     * What 3.12's {@code optimize_and_assemble_code_unit} does between {@code _PyCfg_OptimizeCodeUnit} and the
     * assembler: {@code prepare_localsplus}, {@code _PyCfg_Stackdepth}, {@code _PyCfg_ConvertPseudoOps},
     * {@code normalize_jumps}, then the sequence.
     */
    @Override
    FlowGraph.Result optimizedCfgToInstructionSequence(Cfg g, CodeUnitMetadata umd, int codeFlags) {
        int nlocalsplus, stackdepth;
        if (version.has(Feature.STACKDEPTH_AFTER_PREFIX)) {
            nlocalsplus = LocalsPlus.prepareLocalsplus(umd, g, codeFlags);
            stackdepth = StackDepth.calculateStackdepth(g, LocalsPlus.isGenerator(codeFlags) ? 1 : 0);
        } else {
            stackdepth = StackDepth.calculateStackdepth(g);
            nlocalsplus = LocalsPlus.prepareLocalsplus(umd, g, codeFlags);
        }
        JumpPasses.convertPseudoOpcodes(g);
        JumpPasses.removeRedundantNops(g);
        if (version.has(Feature.JUMP_DIRECTION_IN_FLOWGRAPH)) JumpPasses312.normalizeJumps(g);
        else JumpPasses.normalizeJumps(g);
        return new FlowGraph.Result(toInstructionSequence(g), stackdepth, nlocalsplus);
    }
}
