package org.jpyc.flowgraph;

import org.jpyc.instrseq.Op;
import org.jpyc.instrseq.OpTable;
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

    OpcodeFacts(PyVersion version) {
        this.table = OpTable.of(version);
        this.callKwEvalBreak = !version.has(Feature.CALL_KW_NO_EVAL_BREAK);
    }

    /** {@code OPCODE_HAS_JUMP} ({@code is_jump}). */
    boolean isJump(Op op) {
        return table.hasJump(op);
    }

    /** {@code IS_BLOCK_PUSH_OPCODE}. */
    boolean isBlockPush(Op op) {
        return op == Op.SETUP_FINALLY || op == Op.SETUP_WITH || op == Op.SETUP_CLEANUP;
    }

    /** {@code HAS_TARGET}. */
    boolean hasTarget(Op op) {
        return isJump(op) || isBlockPush(op);
    }

    /** {@code OPCODE_HAS_CONST}. */
    boolean hasConst(Op op) {
        return table.hasConst(op);
    }

    /** {@code IS_UNCONDITIONAL_JUMP_OPCODE}. */
    boolean isUnconditionalJump(Op op) {
        return op == Op.JUMP || op == Op.JUMP_NO_INTERRUPT || op == Op.JUMP_FORWARD || op == Op.JUMP_BACKWARD
                || op == Op.JUMP_BACKWARD_NO_INTERRUPT;
    }

    /** {@code IS_SCOPE_EXIT_OPCODE}. */
    boolean isScopeExit(Op op) {
        return op == Op.RETURN_VALUE || op == Op.RETURN_CONST || op == Op.RAISE_VARARGS || op == Op.RERAISE;
    }

    /** {@code IS_TERMINATOR_OPCODE}. */
    boolean isTerminator(Op op) {
        return isJump(op) || isScopeExit(op);
    }

    /**
     * {@code OPCODE_HAS_EVAL_BREAK} for the opcodes the compiler emits (the specialized and instrumented
     * forms, which carry the flag too, never reach the optimizer).
     */
    boolean hasEvalBreak(Op op) {
        return op == Op.CALL || op == Op.CALL_FUNCTION_EX || (op == Op.CALL_KW && callKwEvalBreak)
                || op == Op.JUMP_BACKWARD || op == Op.RESUME || op == Op.JUMP;
    }

    /** {@code SWAPPABLE}: ops {@code apply_static_swaps} may reorder. */
    boolean isSwappable(Op op) {
        return op == Op.STORE_FAST || op == Op.STORE_FAST_MAYBE_NULL || op == Op.POP_TOP;
    }
}
