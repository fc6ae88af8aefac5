package org.jpyc.flowgraph;

import org.jpyc.instrseq.Op;

/** SWAP optimization of Python/flowgraph.c: {@code swaptimize} and {@code apply_static_swaps}. */
final class Swaps {
    private Swaps() {}

    private static final int VISITED = -1;

    /**
     * {@code swaptimize}: replaces the run of SWAPs and NOPs starting at {@code ix} by the shortest
     * run with the same effect. Returns the index of the run's last instruction (CPython's updated
     * {@code *ix}).
     */
    static int swaptimize(BasicBlock block, int ix) {
        CfgInstr[] ins = block.instrs;
        int depth = ins[ix].oparg;
        int len = 0;
        boolean more = false;
        int limit = block.used - ix;
        while (++len < limit) {
            Op op = ins[ix + len].op;
            if (op == Op.SWAP) {
                depth = Math.max(depth, ins[ix + len].oparg);
                more = true;
            } else if (op != Op.NOP) {
                break;
            }
        }
        if (!more) return ix;
        int[] stack = new int[depth];
        for (int i = 0; i < depth; i++) stack[i] = i;
        for (int i = 0; i < len; i++) {
            if (ins[ix + i].op == Op.SWAP) {
                int oparg = ins[ix + i].oparg;
                int top = stack[0];
                stack[0] = stack[oparg - 1];
                stack[oparg - 1] = top;
            }
        }
        int current = len - 1;
        for (int i = 0; i < depth; i++) {
            if (stack[i] == VISITED || stack[i] == i) continue;
            int j = i;
            while (true) {
                if (j != 0) {
                    ins[ix + current].op = Op.SWAP;
                    ins[ix + current].oparg = j + 1;
                    current--;
                }
                if (stack[j] == VISITED) break;
                int nextJ = stack[j];
                stack[j] = VISITED;
                j = nextJ;
            }
        }
        while (0 <= current) ins[ix + current--].setOp0(Op.NOP);
        return ix + len - 1;
    }

    /** {@code STORES_TO}: the local a STORE_FAST(_MAYBE_NULL) writes, else -1. */
    private static int storesTo(CfgInstr in) {
        return in.op == Op.STORE_FAST || in.op == Op.STORE_FAST_MAYBE_NULL ? in.oparg : -1;
    }

    /** {@code next_swappable_instruction}. */
    static int nextSwappableInstruction(OpcodeFacts f, BasicBlock block, int i, int lineno) {
        while (++i < block.used) {
            CfgInstr in = block.instrs[i];
            if (0 <= lineno && in.loc.lineno() != lineno) return -1;
            if (in.op == Op.NOP) continue;
            if (f.isSwappable(in.op)) return i;
            return -1;
        }
        return -1;
    }

    /** {@code apply_static_swaps}: SWAPs before swappable stores and pops become reorderings of those instructions. */
    static void applyStaticSwaps(OpcodeFacts f, BasicBlock block, int i) {
        for (; 0 <= i; i--) {
            CfgInstr swap = block.instrs[i];
            if (swap.op != Op.SWAP) {
                if (swap.op == Op.NOP || f.isSwappable(swap.op)) continue;
                return;
            }
            int j = nextSwappableInstruction(f, block, i, -1);
            if (j < 0) return;
            int k = j;
            int lineno = block.instrs[j].loc.lineno();
            for (int count = swap.oparg - 1; 0 < count; count--) {
                k = nextSwappableInstruction(f, block, k, lineno);
                if (k < 0) return;
            }
            int storeJ = storesTo(block.instrs[j]);
            int storeK = storesTo(block.instrs[k]);
            if (f.swapsKeepStoreOrder && (storeJ >= 0 || storeK >= 0)) {
                if (storeJ == storeK) return;
                for (int idx = j + 1; idx < k; idx++) {
                    int storeIdx = storesTo(block.instrs[idx]);
                    if (storeIdx >= 0 && (storeIdx == storeJ || storeIdx == storeK)) return;
                }
            }
            swap.setOp0(Op.NOP);
            CfgInstr temp = block.instrs[j];
            block.instrs[j] = block.instrs[k];
            block.instrs[k] = temp;
        }
    }
}
