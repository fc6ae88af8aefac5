package org.jpyc.flowgraph;

import java.util.List;
import java.util.function.UnaryOperator;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.object.PyObject;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The optimizer's driver for one code unit: the pass lists of {@code _PyCfg_OptimizeCodeUnit},
 * {@code optimize_cfg} and {@code _PyCfg_OptimizedCfgToInstructionSequence} (Python/flowgraph.c of
 * 3.13), each pass a method or class named after its C function. A version whose pass list differs
 * overrides the driver methods.
 */
public class Optimizer {
    protected final PyVersion version;
    protected final OpcodeFacts facts;
    protected final List<PyObject> consts;
    protected ConstFolding constFolding;

    /**
     * @param consts the unit's constants, extended by folding and compacted by {@code remove_unused_consts}
     * @param mergeOne {@code _PyCompile_ConstCacheMergeOne} on the module's constant cache
     */
    public Optimizer(PyVersion version, List<PyObject> consts, UnaryOperator<PyObject> mergeOne) {
        this.version = version;
        this.facts = OpcodeFacts.of(version);
        this.consts = consts;
        this.constFolding = new ConstFolding(facts, consts, mergeOne);
    }

    /** The driver of {@code version}: 3.13's, {@link Optimizer314} where folding moved into the CFG, {@link Optimizer312} for 3.12's pass list. */
    public static Optimizer of(PyVersion version, List<PyObject> consts, UnaryOperator<PyObject> mergeOne) {
        if (version.has(Feature.CFG_CONST_FOLDING)) return new Optimizer314(version, consts, mergeOne);
        if (version.has(Feature.OPTIMIZE_CFG_312)) return new Optimizer312(version, consts, mergeOne);
        if (version.has(Feature.ASSEMBLE_311)) return new Optimizer311(version, consts, mergeOne);
        if (version.has(Feature.ASSEMBLE_310)) return new Optimizer310(version, consts, mergeOne);
        return new Optimizer(version, consts, mergeOne);
    }

    /** {@code instr_sequence_to_cfg} (Python/compile.c). */
    Cfg instrSequenceToCfg(InstrSequence seq) {
        return Cfg.fromSequence(facts, seq);
    }

    /** {@code _PyCfg_OptimizeCodeUnit}. */
    void optimizeCodeUnit(Cfg g, int nlocals, int nparams, int firstlineno) {
        g.translateJumpLabelsToTargets();
        ExceptionLabels.markExceptHandlers(g);
        ExceptionLabels.labelExceptionTargets(g);

        optimizeCfg(g, firstlineno);
        constFolding.removeUnusedConsts(g);
        UninitializedLocals.addChecksForLoadsOfUninitializedVariables(g, nlocals, nparams);
        if (version.has(Feature.SUPERINSTRUCTIONS)) Peephole.insertSuperinstructions(g);

        ColdBlocks.pushColdBlocksToEnd(g);
        LineNumbers.resolveLineNumbers(g, firstlineno);
    }

    /** {@code optimize_cfg}. */
    void optimizeCfg(Cfg g, int firstlineno) {
        g.checkCfg();
        JumpPasses.inlineSmallOrNoLinenoBlocks(g);
        JumpPasses.removeUnreachable(g);
        LineNumbers.resolveLineNumbers(g, firstlineno);
        constFolding.optimizeLoadConst(g);
        for (BasicBlock b = g.entry; b != null; b = b.next) optimizeBasicBlock(b);
        JumpPasses.removeRedundantNopsAndPairs(g);
        JumpPasses.removeUnreachable(g);
        JumpPasses.removeRedundantNopsAndJumps(g);
    }

    /** {@code optimize_basic_block}. */
    void optimizeBasicBlock(BasicBlock b) {
        Peephole.optimizeBasicBlock(facts, constFolding, b);
    }

    /** What {@code _PyCompile_OptimizeCfg} runs after {@code _PyCfg_OptimizeCodeUnit}: nothing in 3.13. */
    void optimizeCfgApiTail(Cfg g) {
    }

    /** {@code _PyCfg_OptimizedCfgToInstructionSequence}: stack depth, localsplus, pseudo ops, then the sequence. */
    FlowGraph.Result optimizedCfgToInstructionSequence(Cfg g, CodeUnitMetadata umd, int codeFlags) {
        int stackdepth = StackDepth.calculateStackdepth(g);
        int nlocalsplus = LocalsPlus.prepareLocalsplus(umd, g, codeFlags);
        JumpPasses.convertPseudoOps(g);
        JumpPasses.normalizeJumps(g);
        return new FlowGraph.Result(toInstructionSequence(g), stackdepth, nlocalsplus);
    }

    /**
     * {@code _PyCfg_ToInstructionSequence}: block i gets label i; jump opargs become their target's
     * label and each instruction carries its handler's label, entry depth and lasti flag. The sequence
     * holds the blocks' instruction objects themselves (CPython copies the structs): the graph is not used after.
     * The labels are applied as they are written ({@code _PyInstructionSequence_ApplyLabelMap}, which every
     * caller runs next): a label's instruction index is the number of instructions in the blocks before its
     * block, known from the first walk, so opargs and handler labels are written as indices at once, and
     * the sequence returned has its labels applied.
     */
    InstrSequence toInstructionSequence(Cfg g) {
        int lbl = 0, count = 0;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            b.label = lbl++;
            count += b.used;
        }
        int[] start = new int[lbl]; // each label's instruction index
        int pos = 0;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            start[b.label] = pos;
            pos += b.used;
        }
        InstrSequence seq = InstrSequence.ofObjects(count, lbl); // its exact size: the assembler takes its array as is
        for (int i = 0; i < lbl; i++) seq.newLabel();
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            seq.useLabel(b.label);
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.instrs[i];
                if (facts.hasTarget(in.op)) {
                    if (facts.jumpSizesFromLabelIds) in.offset = in.oparg; // 3.12: the label id, for resolve_jump_offsets
                    else if (facts.jumpSizesFromZero) in.offset = 0; // 3.11: assemble_jump_offsets starts from oparg 0
                    in.oparg = start[in.target.label];
                }
                if (in.except != null) {
                    in.handlerLabel = start[in.except.label];
                    in.handlerStartDepth = in.except.startdepth;
                    in.handlerPreserveLasti = in.except.preserveLasti;
                } else {
                    in.handlerLabel = -1;
                }
                seq.append(in); // the instruction itself (a CfgInstr is an Instr), not a copy
            }
        }
        seq.markLabelsApplied();
        return seq;
    }
}
