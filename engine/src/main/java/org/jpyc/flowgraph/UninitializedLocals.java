package org.jpyc.flowgraph;

import org.jpyc.instrseq.Op;

/**
 * {@code add_checks_for_loads_of_uninitialized_variables} (Python/flowgraph.c): a LOAD_FAST of a local
 * that may be unbound on some path becomes LOAD_FAST_CHECK. The first 64 locals are tracked across
 * blocks with a bit mask; the others only within one block.
 */
final class UninitializedLocals {
    private UninitializedLocals() {}

    /** {@code maybe_push}. */
    private static void maybePush(BasicBlock b, long unsafeMask, BlockStack stack) {
        long both = b.unsafeLocalsMask | unsafeMask;
        if (b.unsafeLocalsMask != both) {
            b.unsafeLocalsMask = both;
            if (!b.visited) {
                stack.push(b);
                b.visited = true;
            }
        }
    }

    /** {@code scan_block_for_locals}. */
    private static void scanBlockForLocals(OpcodeFacts f, BasicBlock b, BlockStack stack) {
        long unsafeMask = b.unsafeLocalsMask;
        b.scannedLocalsMask = unsafeMask;
        for (int i = 0; i < b.used; i++) {
            CfgInstr in = b.instrs[i];
            if (in.except != null) maybePush(in.except, unsafeMask, stack);
            if (in.oparg >= 64) continue;
            long bit = 1L << in.oparg;
            switch (in.op) {
                case DELETE_FAST, LOAD_FAST_AND_CLEAR, STORE_FAST_MAYBE_NULL -> unsafeMask |= bit;
                case STORE_FAST, LOAD_FAST_CHECK -> unsafeMask &= ~bit;
                case LOAD_FAST -> {
                    if ((unsafeMask & bit) != 0) in.op = Op.LOAD_FAST_CHECK;
                    unsafeMask &= ~bit;
                }
                default -> { }
            }
        }
        if (b.next != null && b.hasFallthrough(f)) maybePush(b.next, unsafeMask, stack);
        CfgInstr last = b.last();
        if (last != null && f.isJump(last.op)) maybePush(last.target, unsafeMask, stack);
    }

    /** {@code fast_scan_many_locals}: locals 64 and up, one block at a time. */
    private static void fastScanManyLocals(Cfg g, int nlocals) {
        long[] states = new long[nlocals - 64];
        long blocknum = 0;
        for (BasicBlock b = g.entry; b != null; b = b.next) {
            blocknum++;
            for (int i = 0; i < b.used; i++) {
                CfgInstr in = b.instrs[i];
                int arg = in.oparg;
                if (arg < 64) continue;
                switch (in.op) {
                    case DELETE_FAST, LOAD_FAST_AND_CLEAR, STORE_FAST_MAYBE_NULL -> states[arg - 64] = blocknum - 1;
                    case STORE_FAST -> states[arg - 64] = blocknum;
                    case LOAD_FAST -> {
                        if (states[arg - 64] != blocknum) in.op = Op.LOAD_FAST_CHECK;
                        states[arg - 64] = blocknum;
                    }
                    default -> { }
                }
            }
        }
    }

    /** {@code add_checks_for_loads_of_uninitialized_variables}. */
    static void addChecksForLoadsOfUninitializedVariables(Cfg g, int nlocals, int nparams) {
        if (nlocals == 0) return;
        if (nlocals > 64) {
            fastScanManyLocals(g, nlocals);
            nlocals = 64;
        }
        g.resetVisited();
        BlockStack stack = new BlockStack();
        long startMask = 0;
        for (int i = nparams; i < nlocals; i++) startMask |= 1L << i;
        maybePush(g.entry, startMask, stack);
        for (BasicBlock b = g.entry; b != null; b = b.next) scanBlockForLocals(g.facts, b, stack);
        // A block whose mask is the one it was last scanned with would be scanned to the same end (its
        // LOAD_FASTs changed then, its successors have the masks it gives them): its scan is skipped. Blocks
        // that the loop above pushes before it reaches them are most of those on the stack.
        while (!stack.isEmpty()) {
            BasicBlock b = stack.pop();
            b.visited = false;
            if (b.unsafeLocalsMask != b.scannedLocalsMask) scanBlockForLocals(g.facts, b, stack);
        }
    }
}
