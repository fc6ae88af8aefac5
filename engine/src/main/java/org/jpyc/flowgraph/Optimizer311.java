package org.jpyc.flowgraph;

import java.util.List;
import java.util.function.UnaryOperator;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.object.PyObject;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The optimizer's driver for CPython 3.11 ({@link Feature#ASSEMBLE_311}): the passes of Python/compile.c 3.11's
 * {@code assemble()} from the codegen's blocks to the instruction list the assembler lays out:
 * <pre>
 * normalize_basic_block                       (jumps skip empty blocks: Cfg.fromSequence makes none)
 * extend_block                                per block
 * build_cellfixedoffsets, insert_prefix_instructions, fix_cell_offsets
 * optimize_cfg
 *   optimize_basic_block, clean_basic_block   per block
 *   extend_block                              per block
 *   mark_reachable, unreachable blocks emptied
 *   eliminate_empty_basic_blocks
 *   clean_basic_block                         per block
 *   JUMP to the next block to NOP, eliminate_empty_basic_blocks
 * duplicate_exits_without_lineno
 * trim_unused_consts                          trailing ones only
 * propagate_line_numbers
 * guarantee_lineno_for_exits
 * stackdepth                                  a generator enters at depth 1
 * label_exception_targets
 * convert_exception_handlers_to_nops
 * clean_basic_block                           per block
 * normalize_jumps                             every jump gets its direction
 * </pre>
 * (then {@code assemble_jump_offsets}, emit, locations, exception table and {@code makecode}: the assembler's.)
 * The whole list runs in {@link #optimizedCfgToInstructionSequence}, which has the unit metadata and flags the
 * prefix instructions need before {@code optimize_cfg}; {@link #optimizeCodeUnit} only keeps its arguments.
 */
final class Optimizer311 extends Optimizer {
    private int firstlineno;

    Optimizer311(PyVersion version, List<PyObject> consts, UnaryOperator<PyObject> mergeOne) {
        super(version, consts, mergeOne);
    }

    /** Nothing runs here in 3.11 (see the class comment): the first line is kept for the later passes. */
    @Override
    void optimizeCodeUnit(Cfg g, int nlocals, int nparams, int firstlineno) {
        this.firstlineno = firstlineno;
    }

    /** {@code assemble()} (3.11), up to the layout of the instructions. */
    @Override
    FlowGraph.Result optimizedCfgToInstructionSequence(Cfg g, CodeUnitMetadata umd, int codeFlags) {
        g.translateJumpLabelsToTargets();
        ExceptionLabels.markExceptHandlers(g);
        for (BasicBlock b = g.entry; b != null; b = b.next) JumpPasses311.extendBlock(facts, b);
        int nlocalsplus = LocalsPlus.prepareLocalsplus(umd, g, codeFlags);

        optimizeCfg(g, firstlineno);
        LineNumbers311.duplicateExitsWithoutLineno(g);
        trimUnusedConsts(g);
        LineNumbers.propagateLineNumbers(g);
        LineNumbers312.guaranteeLinenoForExits(g, firstlineno);
        int maxdepth = StackDepth.calculateStackdepth(g, LocalsPlus.isGenerator(codeFlags) ? 1 : 0);

        ExceptionLabels.labelExceptionTargets(g);
        JumpPasses311.convertExceptionHandlersToNops(g);
        for (BasicBlock b = g.entry; b != null; b = b.next) JumpPasses311.cleanBasicBlock(b);
        JumpPasses311.normalizeJumps(g);
        return new FlowGraph.Result(toInstructionSequence(g), maxdepth, nlocalsplus);
    }

    /** {@code optimize_cfg} (3.11). */
    @Override
    void optimizeCfg(Cfg g, int firstlineno) {
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            optimizeBasicBlock(b);
            JumpPasses311.cleanBasicBlock(b);
        }
        for (BasicBlock b = g.entry; b != null; b = b.next) JumpPasses311.extendBlock(facts, b);
        JumpPasses311.markReachable(g);
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            if (b.predecessors == 0) b.used = 0;
        }
        JumpPasses311.eliminateEmptyBasicBlocks(g);
        for (BasicBlock b = g.entry; b != null; b = b.next) JumpPasses311.cleanBasicBlock(b);
        JumpPasses311.removeRedundantJumps(g);
    }

    /** {@code optimize_basic_block} (3.11). */
    @Override
    void optimizeBasicBlock(BasicBlock b) {
        Peephole311.optimizeBasicBlock(facts, constFolding, b);
    }

    /**
     * {@code trim_unused_consts}: the constants after the last one a LOAD_CONST or KW_NAMES reads go; the first
     * (a docstring's place) always stays.
     */
    void trimUnusedConsts(Cfg g) {
        int maxConstIndex = 0;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.instrs[i];
                if ((in.op == org.jpyc.instrseq.Op.LOAD_CONST || in.op == org.jpyc.instrseq.Op.KW_NAMES) && in.oparg > maxConstIndex) {
                    maxConstIndex = in.oparg;
                }
            }
        }
        while (consts.size() > maxConstIndex + 1) consts.remove(consts.size() - 1);
    }
}
