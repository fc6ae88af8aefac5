package org.jpyc.flowgraph;

import org.jpyc.instrseq.Op;
import org.jpyc.instrseq.OpTable;
import org.jpyc.instrseq.StackIo;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The opcode predicates CPython writes as macros (Include/internal/pycore_opcode_utils.h) or keeps in
 * its opcode metadata without exposing them to Python ({@code OPCODE_HAS_EVAL_BREAK}), for one target
 * version. The table-backed ones ({@code OPCODE_HAS_JUMP}, {@code OPCODE_HAS_CONST}) come from
 * {@link OpTable}. A version whose sets differ overrides the methods here.
 */
class OpcodeFacts {
    final OpTable table;
    private final boolean callKwEvalBreak;
    /** {@code RESUME_OPARG_DEPTH1_MASK}: RESUME after a yield at exception depth 1. */
    final int resumeOpargDepth1Mask;
    /** Codegen emits RETURN_GENERATOR, POP_TOP (3.15); before, {@code insert_prefix_instructions} did. */
    final boolean generatorPreambleInCodegen;
    /** {@code optimize_load_fast}: GET_ITER leaves its input's reference on the stack (3.15). */
    final boolean getIterLeavesIterable;
    /** {@code remove_redundant_nops_and_pairs}: LOAD_COMMON_CONSTANT, POP_TOP is a redundant pair (3.15). */
    final boolean commonConstantPopPairs;
    /** {@code optimize_load_fast}: an empty block passes its fall-through on (3.15). */
    final boolean loadFastEmptyBlockFallthrough;
    /** {@code jump_thread}, {@code normalize_jumps_in_block}: added instructions get their jump's handler (3.15). */
    final boolean addedJumpsKeepHandler;
    /** {@code optimize_basic_block}: LIST_TO_TUPLE before GET_ITER is folded when constant (3.15). */
    final boolean listToTupleFoldBeforeIter;
    /** {@code optimize_basic_block}: a LIST_APPEND-built constant list before GET_ITER is folded (3.15). */
    final boolean appendedListFoldBeforeIter;

    /** {@code label_exception_targets}: YIELD_VALUE's oparg is the exception depth, POP_BLOCK stays (3.12). */
    final boolean yieldValueExceptDepth;
    /** {@code push_cold_blocks_to_end}: the explicit jump is a plain JUMP, then only {@code remove_redundant_jumps} (3.12). */
    final boolean coldBlockPlainJump;
    /** {@code insert_prefix_instructions}: the generator's POP_TOP has RETURN_GENERATOR's location (3.13+). */
    final boolean generatorPrefixPopTopLocated;
    /** {@code convert_pseudo_ops}: LOAD_CLOSURE is a pseudo op, made LOAD_FAST (3.13+). */
    final boolean loadClosurePseudo;
    /** {@code resolve_jump_offsets} sizes jumps first by their label ids, carried in {@code Instr.offset} (3.12). */
    final boolean jumpSizesFromLabelIds;
    /** {@code instr_sequence_to_cfg}: every bound label starts a block (3.11, 3.12). */
    final boolean blockAtEveryLabel;
    /** {@code compiler_check_if_end_of_block}: every jump ends its block (3.11). */
    final boolean blockAfterEveryJump;
    /** {@code label_exception_targets} records the exception depth at a yield (3.12+; not 3.11). */
    final boolean exceptDepthAtYield;
    /** {@code assemble_jump_offsets} sizes every jump as one code unit at first (3.11). */
    final boolean jumpSizesFromZero;
    /** {@code apply_static_swaps} keeps a SWAP whose reordering would swap stores to one local (3.12+; not 3.11.3). */
    final boolean swapsKeepStoreOrder;

    /** 3.15's LOAD_COMMON_CONSTANT of None, '', True, False, -1; null before 3.15. */
    final CommonConstants commonConstants;
    /** The CALL_INTRINSIC_1 opargs {@code optimize_basic_block} looks for (3.14+; -1 before). */
    final int intrinsicListToTuple, intrinsicUnaryPositive;

    /** {@code optimize_load_fast}'s pop and push counts (3.14+: where LOAD_FAST_BORROW exists; else null). */
    final StackIo stackIo;

    private static final org.jpyc.version.PerVersion<OpcodeFacts> FACTS = new org.jpyc.version.PerVersion<>(OpcodeFacts::new);

    /** The (immutable, shared) facts of {@code version}, asked once per code unit. */
    static OpcodeFacts of(PyVersion version) {
        return FACTS.get(version);
    }

    OpcodeFacts(PyVersion version) {
        this.table = OpTable.of(version);
        this.callKwEvalBreak = !version.has(Feature.CALL_KW_NO_EVAL_BREAK);
        this.resumeOpargDepth1Mask = version.has(Feature.RESUME_DEPTH1_MASK_8) ? 0x8 : 0x4;
        this.generatorPreambleInCodegen = version.has(Feature.GENERATOR_PREAMBLE_IN_CODEGEN);
        this.getIterLeavesIterable = version.has(Feature.GET_ITER_LEAVES_ITERABLE);
        this.commonConstantPopPairs = version.has(Feature.COMMON_CONSTANT_POP_PAIRS);
        this.loadFastEmptyBlockFallthrough = version.has(Feature.LOAD_FAST_EMPTY_BLOCK_FALLTHROUGH);
        this.addedJumpsKeepHandler = version.has(Feature.ADDED_JUMPS_KEEP_HANDLER);
        this.listToTupleFoldBeforeIter = version.has(Feature.LIST_TO_TUPLE_FOLD_BEFORE_ITER);
        this.appendedListFoldBeforeIter = version.has(Feature.APPENDED_LIST_FOLD_BEFORE_ITER);
        this.yieldValueExceptDepth = version.has(Feature.YIELD_VALUE_EXCEPT_DEPTH);
        this.coldBlockPlainJump = version.has(Feature.COLD_BLOCK_PLAIN_JUMP);
        this.generatorPrefixPopTopLocated = version.has(Feature.GENERATOR_PREFIX_POP_TOP_LOCATED);
        this.loadClosurePseudo = version.has(Feature.LOAD_CLOSURE_PSEUDO);
        this.jumpSizesFromLabelIds = version.has(Feature.JUMP_SIZES_FROM_LABEL_IDS);
        this.blockAtEveryLabel = version.has(Feature.CFG_BLOCK_AT_EVERY_LABEL);
        this.blockAfterEveryJump = version.has(Feature.BLOCK_AFTER_EVERY_JUMP);
        this.exceptDepthAtYield = version.has(Feature.EXCEPT_DEPTH_AT_YIELD);
        this.jumpSizesFromZero = version.has(Feature.JUMP_SIZES_FROM_ZERO);
        this.swapsKeepStoreOrder = version.has(Feature.STATIC_SWAPS_KEEP_STORE_ORDER);
        this.commonConstants = version.has(Feature.COMMON_CONSTANT_LOADS) ? new CommonConstants(table) : null;
        this.stackIo = version.has(Feature.LOAD_FAST_BORROW) ? StackIo.of(version) : null;
        boolean cfgFolding = version.has(Feature.CFG_CONST_FOLDING);
        this.intrinsicListToTuple = cfgFolding ? table.indexIn("intrinsic1", "INTRINSIC_LIST_TO_TUPLE") : -1;
        this.intrinsicUnaryPositive = cfgFolding ? table.indexIn("intrinsic1", "INTRINSIC_UNARY_POSITIVE") : -1;
        Op[] ops = Op.values();
        this.bits = new byte[ops.length];
        for (Op op : ops) {
            int b = 0;
            if (table.hasJump(op)) b |= JUMP;
            // (SETUP_ASYNC_WITH and JUMP_ABSOLUTE: 3.10's, whose block pushes are real jumps)
            if (op == Op.SETUP_FINALLY || op == Op.SETUP_WITH || op == Op.SETUP_CLEANUP || op == Op.SETUP_ASYNC_WITH) b |= BLOCK_PUSH;
            if (op == Op.JUMP || op == Op.JUMP_NO_INTERRUPT || op == Op.JUMP_FORWARD || op == Op.JUMP_BACKWARD
                    || op == Op.JUMP_BACKWARD_NO_INTERRUPT || op == Op.JUMP_ABSOLUTE) b |= UNCONDITIONAL_JUMP;
            if (op == Op.RETURN_VALUE || op == Op.RETURN_CONST || op == Op.RAISE_VARARGS || op == Op.RERAISE) b |= SCOPE_EXIT;
            if (op == Op.CALL || op == Op.CALL_FUNCTION_EX || (op == Op.CALL_KW && callKwEvalBreak)
                    || op == Op.JUMP_BACKWARD || op == Op.RESUME || op == Op.JUMP) b |= EVAL_BREAK;
            bits[op.ordinal()] = (byte) b;
        }
    }

    // The predicates below, per opcode ordinal (the passes ask them for every instruction).
    private static final int JUMP = 1, BLOCK_PUSH = 2, UNCONDITIONAL_JUMP = 4, SCOPE_EXIT = 8, EVAL_BREAK = 16;
    private final byte[] bits;

    private boolean is(Op op, int bit) {
        return (bits[op.ordinal()] & bit) != 0;
    }

    /** {@code OPCODE_HAS_JUMP} ({@code is_jump}). */
    boolean isJump(Op op) {
        return is(op, JUMP);
    }

    /** {@code IS_BLOCK_PUSH_OPCODE}. */
    boolean isBlockPush(Op op) {
        return is(op, BLOCK_PUSH);
    }

    /** {@code HAS_TARGET}. */
    boolean hasTarget(Op op) {
        return is(op, JUMP | BLOCK_PUSH);
    }

    /** {@code OPCODE_HAS_CONST}. */
    boolean hasConst(Op op) {
        return table.hasConst(op);
    }

    /** {@code IS_UNCONDITIONAL_JUMP_OPCODE}. */
    boolean isUnconditionalJump(Op op) {
        return is(op, UNCONDITIONAL_JUMP);
    }

    /** {@code IS_SCOPE_EXIT_OPCODE}. */
    boolean isScopeExit(Op op) {
        return is(op, SCOPE_EXIT);
    }

    /** {@code IS_SCOPE_EXIT_OPCODE || IS_UNCONDITIONAL_JUMP_OPCODE}: a block ending with it has no fall-through. */
    boolean isScopeExitOrUnconditionalJump(Op op) {
        return is(op, SCOPE_EXIT | UNCONDITIONAL_JUMP);
    }

    /** {@code IS_TERMINATOR_OPCODE}. */
    boolean isTerminator(Op op) {
        return is(op, JUMP | SCOPE_EXIT);
    }

    /**
     * {@code OPCODE_HAS_EVAL_BREAK} for the opcodes the compiler emits (the specialized and instrumented
     * forms, which carry the flag too, never reach the optimizer).
     */
    boolean hasEvalBreak(Op op) {
        return is(op, EVAL_BREAK);
    }

    /** {@code SWAPPABLE}: ops {@code apply_static_swaps} may reorder. */
    boolean isSwappable(Op op) {
        return op == Op.STORE_FAST || op == Op.STORE_FAST_MAYBE_NULL || op == Op.POP_TOP;
    }
}
