package org.jpyc.flowgraph;

import org.jpyc.instrseq.Op;

/** {@code struct _PyCfgExceptStack}: the handlers in force, innermost last ({@code handlers[0]} is none). */
final class ExceptStack {
    /** {@code CO_MAXBLOCKS} (Include/cpython/code.h): codegen refuses deeper static nesting. */
    static final int CO_MAXBLOCKS = 21;

    private BasicBlock[] handlers;
    int depth;

    ExceptStack() {
        this(new BasicBlock[CO_MAXBLOCKS + 2], 0);
    }

    private ExceptStack(BasicBlock[] handlers, int depth) {
        this.handlers = handlers;
        this.depth = depth;
    }

    /** {@code copy_except_stack}: the handlers up to {@code depth} (push grows the array as needed). */
    ExceptStack copy() {
        // new and arraycopy: Arrays.copyOf of a BasicBlock[] makes its array reflectively, a native call under C1
        BasicBlock[] h = new BasicBlock[depth + 4];
        System.arraycopy(handlers, 0, h, 0, Math.min(handlers.length, h.length));
        return new ExceptStack(h, depth);
    }

    /** {@code push_except_block}: pushes the block push's handler and returns it. */
    BasicBlock push(CfgInstr setup) {
        BasicBlock target = setup.target;
        if (setup.op == Op.SETUP_WITH || setup.op == Op.SETUP_CLEANUP) {
            target.preserveLasti = true;
        }
        if (depth + 1 >= handlers.length) {
            BasicBlock[] h = new BasicBlock[handlers.length * 2];
            System.arraycopy(handlers, 0, h, 0, handlers.length);
            handlers = h;
        }
        handlers[++depth] = target;
        return target;
    }

    /** {@code pop_except_block}: pops and returns the new top. */
    BasicBlock pop() {
        if (depth <= 0) throw new IllegalStateException("POP_BLOCK with an empty exception stack");
        return handlers[--depth];
    }

    /** {@code except_stack_top}. */
    BasicBlock top() {
        return handlers[depth];
    }
}
