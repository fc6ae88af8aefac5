package org.jpyc.flowgraph;

import org.jpyc.instrseq.Op;
import org.jpyc.instrseq.StackIo;

/**
 * {@code optimize_load_fast} (Python/flowgraph.c 3.14; the opcode cases as 3.14.3 behaves, checked on the
 * whole 3.14 stdlib: DELETE_FAST kills its local, FORMAT_SIMPLE and GET_YIELD_FROM_ITER leave their
 * input's reference, LOAD_SPECIAL puts its owner back): a LOAD_FAST (LOAD_FAST_LOAD_FAST) becomes
 * LOAD_FAST_BORROW (LOAD_FAST_BORROW_LOAD_FAST_BORROW) when, within its block, the reference it pushes
 * is consumed before its local is overwritten, is never stored into a local, and is not left on the
 * stack at the block's end. An abstract stack of references (producing instruction, local) per block
 * finds the others; blocks are visited from the entry along jumps and fall-through, each entered
 * with its {@code b_startdepth} from {@code calculate_stackdepth}.
 */
final class OptimizeLoadFast {
    private OptimizeLoadFast() {}

    private static final int NOT_LOCAL = -1;
    private static final int DUMMY_INSTR = -1;
    /** The loaded reference is still on the stack when its local is killed. */
    private static final int SUPPORT_KILLED = 1;
    /** The loaded reference is stored into a local. */
    private static final int STORED_AS_LOCAL = 2;
    /** The loaded reference is still on the stack at the end of the block. */
    private static final int REF_UNCONSUMED = 4;

    /**
     * {@code ref_stack}: the abstract stack; entry k is a {@code ref}, the producing instruction's index
     * in the block (or DUMMY_INSTR) and its local (or NOT_LOCAL), kept in two parallel arrays.
     */
    private static final class RefStack {
        int[] instr = new int[16];
        int[] local = new int[16];
        int size;

        /** {@code ref_stack_push}. */
        void push(int producer, int loc) {
            if (size == instr.length) {
                instr = java.util.Arrays.copyOf(instr, size * 2);
                local = java.util.Arrays.copyOf(local, size * 2);
            }
            instr[size] = producer;
            local[size] = loc;
            size++;
        }

        /** {@code ref_stack_pop}, the popped ref's producer (its local stays readable at index {@link #size}). */
        int pop() {
            if (size == 0) throw new IllegalStateException("optimize_load_fast: stack underflow");
            return instr[--size];
        }

        /** {@code ref_stack_pop} {@code n} times, the popped refs unread. */
        void drop(int n) {
            if (size < n) throw new IllegalStateException("optimize_load_fast: stack underflow");
            size -= n;
        }

        /** {@code ref_stack_swap}. */
        void swap(int i, int j) {
            int t = instr[i];
            instr[i] = instr[j];
            instr[j] = t;
            t = local[i];
            local[i] = local[j];
            local[j] = t;
        }
    }

    /** {@code optimize_load_fast}. */
    static void optimizeLoadFast(Cfg g, StackIo io) {
        OpcodeFacts f = g.facts;
        int maxInstrs = 0;
        for (BasicBlock b = g.entry; b != null; b = b.next) maxInstrs = Math.max(maxInstrs, b.used);
        int[] instrFlags = new int[maxInstrs];
        int[] loads = new int[maxInstrs]; // the block's LOAD_FAST and LOAD_FAST_LOAD_FAST, by index
        g.resetVisited();
        BlockStack sp = new BlockStack();
        sp.push(g.entry);
        g.entry.startdepth = 0;
        g.entry.visited = true;
        RefStack refs = new RefStack();
        while (!sp.isEmpty()) {
            BasicBlock block = sp.pop();
            if (!hasFastLoad(block)) {
                // nothing here to change: only the blocks it leads to are needed (a block's result depends on
                // its own instructions and b_startdepth alone, not on the path that reached it)
                pushSuccessors(f, sp, block);
                continue;
            }
            java.util.Arrays.fill(instrFlags, 0, block.used, 0);
            int nloads = 0;
            refs.size = 0;
            for (int i = 0; i < block.startdepth; i++) refs.push(DUMMY_INSTR, NOT_LOCAL);
            for (int i = 0; i < block.used; i++) {
                CfgInstr instr = block.instrs[i];
                Op opcode = instr.op;
                int oparg = instr.oparg;
                switch (opcode) {
                    case DELETE_FAST -> killLocal(instrFlags, refs, oparg);
                    case LOAD_FAST -> {
                        refs.push(i, oparg);
                        loads[nloads++] = i;
                    }
                    case LOAD_FAST_AND_CLEAR -> {
                        killLocal(instrFlags, refs, oparg);
                        refs.push(i, oparg);
                    }
                    case LOAD_FAST_LOAD_FAST -> {
                        refs.push(i, oparg >> 4);
                        refs.push(i, oparg & 15);
                        loads[nloads++] = i;
                    }
                    case STORE_FAST -> storeLocal(instrFlags, refs, oparg, refs.pop());
                    case STORE_FAST_LOAD_FAST -> {
                        storeLocal(instrFlags, refs, oparg >> 4, refs.pop());
                        refs.push(i, oparg & 15);
                    }
                    case STORE_FAST_STORE_FAST -> {
                        storeLocal(instrFlags, refs, oparg >> 4, refs.pop());
                        storeLocal(instrFlags, refs, oparg & 15, refs.pop());
                    }
                    case COPY -> {
                        int k = refs.size - oparg;
                        refs.push(refs.instr[k], refs.local[k]);
                    }
                    case SWAP -> refs.swap(refs.size - oparg, refs.size - 1);
                    // opcodes that consume no inputs (what they push stands for their input, or comes on top)
                    case FORMAT_SIMPLE, GET_YIELD_FROM_ITER, GET_ANEXT, GET_LEN, IMPORT_FROM, MATCH_KEYS, MATCH_MAPPING,
                            MATCH_SEQUENCE, WITH_EXCEPT_START -> pushOnInput(f, refs, io, opcode, oparg, i);
                    // 3.15: the iterable may be its own iterator (virtual iterators)
                    case GET_ITER -> {
                        if (f.getIterLeavesIterable) pushOnInput(f, refs, io, opcode, oparg, i);
                        else defaultEffect(f, sp, refs, instr, i, io);
                    }
                    // opcodes that consume some inputs and push no new values
                    case DICT_MERGE, DICT_UPDATE, LIST_APPEND, LIST_EXTEND, MAP_ADD, RERAISE, SET_ADD, SET_UPDATE -> {
                        refs.drop(io.popped(opcode, oparg) - io.pushed(opcode, oparg));
                    }
                    case CHECK_EXC_MATCH -> {
                        refs.pop();
                        refs.push(i, NOT_LOCAL);
                    }
                    case FOR_ITER -> {
                        pushBlock(sp, instr.target);
                        refs.push(i, NOT_LOCAL);
                    }
                    case LOAD_ATTR, LOAD_SUPER_ATTR -> {
                        int selfInstr = refs.pop();
                        int selfLocal = refs.local[refs.size];
                        if (opcode == Op.LOAD_SUPER_ATTR) {
                            refs.pop();
                            refs.pop();
                        }
                        refs.push(i, NOT_LOCAL);
                        if ((oparg & 1) != 0) refs.push(selfInstr, selfLocal); // a method call: self conservatively pushed back
                    }
                    case LOAD_SPECIAL -> {
                        // (owner -- attr, self_or_null), (exc -- prev_exc, exc): the input stays on top
                        int selfInstr = refs.pop();
                        int selfLocal = refs.local[refs.size];
                        refs.push(i, NOT_LOCAL);
                        refs.push(selfInstr, selfLocal);
                    }
                    case SEND -> {
                        pushBlock(sp, instr.target);
                        refs.pop();
                        refs.push(i, NOT_LOCAL);
                    }
                    default -> defaultEffect(f, sp, refs, instr, i, io);
                }
            }
            pushFallthrough(f, sp, block);
            for (int k = 0; k < refs.size; k++) {
                if (refs.instr[k] != DUMMY_INSTR) instrFlags[refs.instr[k]] |= REF_UNCONSUMED;
            }
            for (int k = 0; k < nloads; k++) {
                int i = loads[k];
                if (instrFlags[i] == 0) {
                    CfgInstr instr = block.instrs[i];
                    instr.op = instr.op == Op.LOAD_FAST ? Op.LOAD_FAST_BORROW : Op.LOAD_FAST_BORROW_LOAD_FAST_BORROW;
                }
            }
        }
    }

    /** Whether {@code block} has a LOAD_FAST or LOAD_FAST_LOAD_FAST, the only instructions the pass changes. */
    private static boolean hasFastLoad(BasicBlock block) {
        for (int i = 0; i < block.used; i++) {
            Op op = block.instrs[i].op;
            if (op == Op.LOAD_FAST || op == Op.LOAD_FAST_LOAD_FAST) return true;
        }
        return false;
    }

    /**
     * The blocks the stack walk of {@code block} would push: every jump's or block push's target (FOR_ITER and SEND
     * included), then its fall-through, as the walk decides it.
     */
    private static void pushSuccessors(OpcodeFacts f, BlockStack sp, BasicBlock block) {
        for (int i = 0; i < block.used; i++) {
            CfgInstr instr = block.instrs[i];
            if (f.hasTarget(instr.op) || instr.op == Op.FOR_ITER || instr.op == Op.SEND) pushBlock(sp, instr.target);
        }
        pushFallthrough(f, sp, block);
    }

    /** The walk's last push for a block: its fall-through, unless it ends in an unconditional jump or a scope exit. */
    private static void pushFallthrough(OpcodeFacts f, BlockStack sp, BasicBlock block) {
        CfgInstr term = block.last();
        // 3.14: an empty block does not pass its fall-through on (CPython asks for a last instruction)
        boolean fallsThrough = term == null ? f.loadFastEmptyBlockFallthrough
                : !(f.isUnconditionalJump(term.op) || f.isScopeExit(term.op));
        if (fallsThrough && block.next != null) pushBlock(sp, block.next);
    }

    /** Opcodes that consume no inputs: what they push stands for their input, or comes on top of it. */
    private static void pushOnInput(OpcodeFacts f, RefStack refs, StackIo io, Op opcode, int oparg, int i) {
        int netPushed = io.pushed(opcode, oparg) - io.popped(opcode, oparg);
        // 3.14 pushes its loop counter as the producing instruction here (kept: it shows when such a value is
        // left at the block's end, marking that block's first instructions); 3.15 the instruction itself
        for (int k = 0; k < netPushed; k++) refs.push(f.getIterLeavesIterable ? i : k, NOT_LOCAL);
    }

    /** The other opcodes: pop their inputs, push new references (a jump's target entered at the depth after it). */
    private static void defaultEffect(OpcodeFacts f, BlockStack sp, RefStack refs, CfgInstr instr, int i, StackIo io) {
        int numPopped = io.popped(instr.op, instr.oparg);
        int numPushed = io.pushed(instr.op, instr.oparg);
        if (f.hasTarget(instr.op)) pushBlock(sp, instr.target);
        if (!f.isBlockPush(instr.op)) {
            refs.drop(numPopped);
            for (int k = 0; k < numPushed; k++) refs.push(i, NOT_LOCAL);
        }
    }

    /** {@code kill_local}: every reference to {@code local} still on the stack loses its support. */
    private static void killLocal(int[] instrFlags, RefStack refs, int local) {
        for (int k = 0; k < refs.size; k++) {
            if (refs.local[k] == local) instrFlags[refs.instr[k]] |= SUPPORT_KILLED;
        }
    }

    /** {@code store_local}: {@code producer} is the stored ref's instruction. */
    private static void storeLocal(int[] instrFlags, RefStack refs, int local, int producer) {
        killLocal(instrFlags, refs, local);
        if (producer != DUMMY_INSTR) instrFlags[producer] |= STORED_AS_LOCAL;
    }

    /**
     * {@code load_fast_push_block}: each block once. CPython's start depth argument is not taken: a block's
     * entry depth is calculate_stackdepth's {@code b_startdepth}, which CPython only asserts it equals.
     */
    private static void pushBlock(BlockStack sp, BasicBlock target) {
        if (!target.visited) {
            target.visited = true;
            sp.push(target);
        }
    }
}
