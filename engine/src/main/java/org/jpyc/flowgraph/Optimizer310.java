package org.jpyc.flowgraph;

import java.util.List;
import java.util.function.UnaryOperator;
import org.jpyc.instrseq.CodeFlags;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.object.PyObject;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The optimizer's driver for CPython 3.10 ({@link Feature#ASSEMBLE_310}): the passes of Python/compile.c 3.10's
 * {@code assemble()} from the codegen's blocks to the instruction list the assembler lays out:
 * <pre>
 * normalize_basic_block                       b_exit on blocks with an exit op (jumps skip empty blocks:
 *                                             Cfg.fromSequence makes none)
 * extend_block                                per block, b_list order
 * insert_generator_prefix                     GEN_START, without a line, first in the entry block (a block of its
 *                                             own where the body starts at a jump target)
 * (u_firstlineno from the entry block's first instruction if codegen left it 0)
 * optimize_cfg
 *   optimize_basic_block, clean_basic_block   per block
 *   extend_block                              per block, b_list order
 *   mark_reachable, unreachable blocks emptied
 *   clean_basic_block                         per block, from the line the previous block falls through with
 *                                             (none after an empty block: BasicBlock.emptyBlockBefore)
 *   eliminate_empty_basic_blocks
 *   JUMP_ABSOLUTE / JUMP_FORWARD to the next block to NOP (clean_basic_block), eliminate_empty_basic_blocks
 * duplicate_exits_without_lineno              b_list order
 * trim_unused_consts                          trailing ones only
 * propagate_line_numbers
 * guarantee_lineno_for_exits
 * </pre>
 * then the assembler's {@code assemble_jump_offsets}, {@code assemble_emit}, the line table and {@code makecode},
 * whose {@code stackdepth} (a generator or coroutine entered at depth 1, for GEN_START's pop) is taken here. Jumps
 * keep codegen's opcodes (no direction pass); there is no exception table, so block pushes and POP_BLOCK stay.
 */
final class Optimizer310 extends Optimizer {
    Optimizer310(PyVersion version, List<PyObject> consts, UnaryOperator<PyObject> mergeOne) {
        super(version, consts, mergeOne);
    }

    /** Nothing runs here in 3.10: the whole list needs the unit's flags ({@link #optimizedCfgToInstructionSequence}). */
    @Override
    void optimizeCodeUnit(Cfg g, int nlocals, int nparams, int firstlineno) {
    }

    /** {@code assemble()} (3.10), up to the layout of the instructions; then {@code makecode}'s {@code stackdepth}. */
    @Override
    FlowGraph.Result optimizedCfgToInstructionSequence(Cfg g, CodeUnitMetadata umd, int codeFlags) {
        g.translateJumpLabelsToTargets();
        normalizeBasicBlocks(g);
        for (BasicBlock b : LineNumbers311.bListOrder(g)) JumpPasses310.extendBlock(b);
        insertGeneratorPrefix(g, codeFlags);
        if (umd.firstlineno == 0) {
            int first = g.entry.used > 0 ? g.entry.instrs[0].loc.lineno() : 0;
            umd.firstlineno = first > 0 ? first : 1; // (GEN_START, first if inserted, has none)
        }

        optimizeCfg(g, umd.firstlineno);
        LineNumbers310.duplicateExitsWithoutLineno(g);
        trimUnusedConsts(g);
        LineNumbers310.propagateLineNumbers(g);
        LineNumbers312.guaranteeLinenoForExits(g, umd.firstlineno);
        int maxdepth = StackDepth.calculateStackdepth(g, isGeneratorOrCoroutine(codeFlags) ? 1 : 0);
        return new FlowGraph.Result(toInstructionSequence(g), maxdepth, umd.varnames.size());
    }

    /** {@code normalize_basic_block}'s {@code b_exit}: a block holding a scope exit (RETURN_VALUE, RAISE_VARARGS, RERAISE). */
    private void normalizeBasicBlocks(Cfg g) {
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            for (int i = 0; i < b.used; i++) {
                if (facts.isScopeExit(b.instrs[i].op)) {
                    b.exit310 = b.exitAtNormalize310 = true;
                    break;
                }
            }
        }
    }

    /** {@code ste_generator || ste_coroutine}: the flags {@code compute_code_flags} makes of them. */
    private static boolean isGeneratorOrCoroutine(int codeFlags) {
        return (codeFlags & (CodeFlags.CO_GENERATOR | CodeFlags.CO_COROUTINE | CodeFlags.CO_ASYNC_GENERATOR)) != 0;
    }

    /**
     * {@code insert_generator_prefix}: a generator (0), coroutine (1) or async generator (2) starts with GEN_START of
     * its kind, without a line number, which pops the value the first {@code send()} pushes. It goes into the unit's
     * entry block, the one {@code compiler_enter_scope} made, which no jump targets: where the body starts at a jump
     * target (a loop's head, {@code async def f(): while x: ...}), codegen's entry block was left empty, and this graph
     * has none, so GEN_START gets a block of its own before that target (else a jump back would meet it again).
     */
    static void insertGeneratorPrefix(Cfg g, int codeFlags) {
        int kind;
        if ((codeFlags & CodeFlags.CO_COROUTINE) != 0) kind = 1;
        else if ((codeFlags & CodeFlags.CO_ASYNC_GENERATOR) != 0) kind = 2;
        else if ((codeFlags & CodeFlags.CO_GENERATOR) != 0) kind = 0;
        else return;
        CfgInstr genStart = new CfgInstr(Op.GEN_START, kind, Location.NO_LOCATION);
        if (g.entry.label == BasicBlock.NO_LABEL) {
            g.entry.insert(0, genStart);
            return;
        }
        BasicBlock entry = g.newBlock();
        entry.instrs = new CfgInstr[] {genStart};
        entry.used = 1;
        entry.next = g.entry;
        g.entry = entry;
    }

    /** {@code optimize_cfg} (3.10). */
    @Override
    void optimizeCfg(Cfg g, int firstlineno) {
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            optimizeBasicBlock(b);
            JumpPasses310.cleanBasicBlock(b, -1);
        }
        for (BasicBlock b : LineNumbers311.bListOrder(g)) JumpPasses310.extendBlock(b);
        JumpPasses311.markReachable(g);
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            if (b.predecessors == 0) b.used = 0;
        }
        BasicBlock pred = null;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            // the block before may be one CPython has and this graph does not: an empty one at an earlier label
            int prevLineno = pred != null && pred.used > 0 && !b.emptyBlockBefore ? pred.last().loc.lineno() : -1;
            JumpPasses310.cleanBasicBlock(b, prevLineno);
            pred = b.noFallthrough(facts) ? null : b;
        }
        JumpPasses311.eliminateEmptyBasicBlocks(g);
        JumpPasses310.removeRedundantJumps(g);
    }

    /** {@code optimize_basic_block} (3.10). */
    @Override
    void optimizeBasicBlock(BasicBlock b) {
        Peephole310.optimizeBasicBlock(facts, constFolding, b);
    }

    /** {@code trim_unused_consts}: the constants after the last one a LOAD_CONST reads go; the first (a docstring's place) always stays. */
    void trimUnusedConsts(Cfg g) {
        int maxConstIndex = 0;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.instrs[i];
                if (in.op == Op.LOAD_CONST && in.oparg > maxConstIndex) maxConstIndex = in.oparg;
            }
        }
        while (consts.size() > maxConstIndex + 1) consts.remove(consts.size() - 1);
    }
}
