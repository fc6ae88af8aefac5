package org.jpyc.flowgraph;

import java.util.ArrayList;
import java.util.List;
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

    /** One abstract stack entry: the producing instruction's index in the block (or DUMMY_INSTR) and its local (or NOT_LOCAL). */
    private record Ref(int instr, int local) {}

    /** {@code optimize_load_fast}. */
    static void optimizeLoadFast(Cfg g, StackIo io) {
        OpcodeFacts f = g.facts;
        int maxInstrs = 0;
        for (BasicBlock b = g.entry; b != null; b = b.next) maxInstrs = Math.max(maxInstrs, b.used);
        int[] instrFlags = new int[maxInstrs];
        g.resetVisited();
        List<BasicBlock> sp = new ArrayList<>();
        sp.add(g.entry);
        g.entry.startdepth = 0;
        g.entry.visited = true;
        List<Ref> refs = new ArrayList<>();
        while (!sp.isEmpty()) {
            BasicBlock block = sp.remove(sp.size() - 1);
            java.util.Arrays.fill(instrFlags, 0, block.used, 0);
            refs.clear();
            for (int i = 0; i < block.startdepth; i++) refs.add(new Ref(DUMMY_INSTR, NOT_LOCAL));
            for (int i = 0; i < block.used; i++) {
                CfgInstr instr = block.instrs[i];
                Op opcode = instr.op;
                int oparg = instr.oparg;
                switch (opcode) {
                    case DELETE_FAST -> killLocal(instrFlags, refs, oparg);
                    case LOAD_FAST -> refs.add(new Ref(i, oparg));
                    case LOAD_FAST_AND_CLEAR -> {
                        killLocal(instrFlags, refs, oparg);
                        refs.add(new Ref(i, oparg));
                    }
                    case LOAD_FAST_LOAD_FAST -> {
                        refs.add(new Ref(i, oparg >> 4));
                        refs.add(new Ref(i, oparg & 15));
                    }
                    case STORE_FAST -> storeLocal(instrFlags, refs, oparg, pop(refs));
                    case STORE_FAST_LOAD_FAST -> {
                        storeLocal(instrFlags, refs, oparg >> 4, pop(refs));
                        refs.add(new Ref(i, oparg & 15));
                    }
                    case STORE_FAST_STORE_FAST -> {
                        storeLocal(instrFlags, refs, oparg >> 4, pop(refs));
                        storeLocal(instrFlags, refs, oparg & 15, pop(refs));
                    }
                    case COPY -> refs.add(refs.get(refs.size() - oparg));
                    case SWAP -> {
                        int idx = refs.size() - oparg;
                        Ref tmp = refs.get(idx);
                        refs.set(idx, refs.get(refs.size() - 1));
                        refs.set(refs.size() - 1, tmp);
                    }
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
                        int netPopped = io.popped(opcode, oparg) - io.pushed(opcode, oparg);
                        for (int k = 0; k < netPopped; k++) pop(refs);
                    }
                    case CHECK_EXC_MATCH -> {
                        pop(refs);
                        refs.add(new Ref(i, NOT_LOCAL));
                    }
                    case FOR_ITER -> {
                        pushBlock(sp, instr.target, refs.size() + 1);
                        refs.add(new Ref(i, NOT_LOCAL));
                    }
                    case LOAD_ATTR, LOAD_SUPER_ATTR -> {
                        Ref self = pop(refs);
                        if (opcode == Op.LOAD_SUPER_ATTR) {
                            pop(refs);
                            pop(refs);
                        }
                        refs.add(new Ref(i, NOT_LOCAL));
                        if ((oparg & 1) != 0) refs.add(self); // a method call: self conservatively pushed back
                    }
                    case LOAD_SPECIAL -> {
                        // (owner -- attr, self_or_null), (exc -- prev_exc, exc): the input stays on top
                        Ref self = pop(refs);
                        refs.add(new Ref(i, NOT_LOCAL));
                        refs.add(self);
                    }
                    case SEND -> {
                        pushBlock(sp, instr.target, refs.size());
                        pop(refs);
                        refs.add(new Ref(i, NOT_LOCAL));
                    }
                    default -> defaultEffect(f, sp, refs, instr, i, io);
                }
            }
            CfgInstr term = block.last();
            // 3.14: an empty block does not pass its fall-through on (CPython asks for a last instruction)
            boolean fallsThrough = term == null ? f.loadFastEmptyBlockFallthrough
                    : !(f.isUnconditionalJump(term.op) || f.isScopeExit(term.op));
            if (fallsThrough && block.next != null) {
                pushBlock(sp, block.next, refs.size());
            }
            for (Ref r : refs) {
                if (r.instr() != -1) instrFlags[r.instr()] |= REF_UNCONSUMED;
            }
            for (int i = 0; i < block.used; i++) {
                if (instrFlags[i] == 0) {
                    CfgInstr instr = block.instrs[i];
                    if (instr.op == Op.LOAD_FAST) instr.op = Op.LOAD_FAST_BORROW;
                    else if (instr.op == Op.LOAD_FAST_LOAD_FAST) instr.op = Op.LOAD_FAST_BORROW_LOAD_FAST_BORROW;
                }
            }
        }
    }

    /** Opcodes that consume no inputs: what they push stands for their input, or comes on top of it. */
    private static void pushOnInput(OpcodeFacts f, List<Ref> refs, StackIo io, Op opcode, int oparg, int i) {
        int netPushed = io.pushed(opcode, oparg) - io.popped(opcode, oparg);
        // 3.14 pushes its loop counter as the producing instruction here (kept: it shows when such a value is
        // left at the block's end, marking that block's first instructions); 3.15 the instruction itself
        for (int k = 0; k < netPushed; k++) refs.add(new Ref(f.getIterLeavesIterable ? i : k, NOT_LOCAL));
    }

    /** The other opcodes: pop their inputs, push new references (a jump's target entered at the depth after it). */
    private static void defaultEffect(OpcodeFacts f, List<BasicBlock> sp, List<Ref> refs, CfgInstr instr, int i, StackIo io) {
        int numPopped = io.popped(instr.op, instr.oparg);
        int numPushed = io.pushed(instr.op, instr.oparg);
        if (f.hasTarget(instr.op)) pushBlock(sp, instr.target, refs.size() - numPopped + numPushed);
        if (!f.isBlockPush(instr.op)) {
            for (int k = 0; k < numPopped; k++) pop(refs);
            for (int k = 0; k < numPushed; k++) refs.add(new Ref(i, NOT_LOCAL));
        }
    }

    private static Ref pop(List<Ref> refs) {
        if (refs.isEmpty()) throw new IllegalStateException("optimize_load_fast: stack underflow");
        return refs.remove(refs.size() - 1);
    }

    /** {@code kill_local}: every reference to {@code local} still on the stack loses its support. */
    private static void killLocal(int[] instrFlags, List<Ref> refs, int local) {
        for (Ref r : refs) {
            if (r.local() == local) instrFlags[r.instr()] |= SUPPORT_KILLED;
        }
    }

    /** {@code store_local}. */
    private static void storeLocal(int[] instrFlags, List<Ref> refs, int local, Ref r) {
        killLocal(instrFlags, refs, local);
        if (r.instr() != DUMMY_INSTR) instrFlags[r.instr()] |= STORED_AS_LOCAL;
    }

    /** {@code load_fast_push_block}: each block once (its entry depth is calculate_stackdepth's, which CPython only asserts). */
    private static void pushBlock(List<BasicBlock> sp, BasicBlock target, int startDepth) {
        if (!target.visited) {
            target.visited = true;
            sp.add(target);
        }
    }
}
