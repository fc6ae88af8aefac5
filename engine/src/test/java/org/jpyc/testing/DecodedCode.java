package org.jpyc.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.instrseq.OpTable;

/**
 * A code object's bytecode decoded for the replay tools ({@code AssembleReplay}, {@code FlowGraphReplay310},
 * {@code FlowGraphReplay311}): one entry per instruction, EXTENDED_ARG folded into the oparg, the instruction's
 * location taken at its first code unit (its first EXTENDED_ARG's), its inline caches skipped. Jump opargs stay as
 * written; {@link #indexOfUnit} maps a unit to the instruction starting there, for the tools to resolve them.
 */
public final class DecodedCode {
    /** The instructions' opcodes, opargs and locations, in order. */
    public final List<Op> ops = new ArrayList<>();
    public final List<Integer> args = new ArrayList<>();
    public final List<Location> locs = new ArrayList<>();
    /** Per instruction, {first code unit (its EXTENDED_ARGs included), the unit after it and its caches}. */
    public final List<int[]> spans = new ArrayList<>();
    /** The index of the instruction starting at each code unit, -1 inside one; at {@code units}, the count. */
    public final int[] indexOfUnit;

    private DecodedCode(int units) {
        indexOfUnit = new int[units + 1];
        Arrays.fill(indexOfUnit, -1);
    }

    /**
     * Decodes {@code code} with {@code table}'s opcodes and cache sizes.
     *
     * @param everyOparg keep the oparg of an instruction that takes none (3.10 writes and reads it as it is),
     *                   else make it 0
     * @param locationAt an instruction's location from its first code unit
     */
    public static DecodedCode decode(byte[] code, OpTable table, boolean everyOparg, IntFunction<Location> locationAt) {
        int units = code.length / 2;
        DecodedCode d = new DecodedCode(units);
        int ext = 0, first = -1;
        for (int u = 0; u < units; ) {
            Op op = table.op(code[2 * u] & 0xff);
            int arg = code[2 * u + 1] & 0xff;
            if (first < 0) first = u;
            if (op == Op.EXTENDED_ARG) {
                ext = (ext | arg) << 8;
                u++;
                continue;
            }
            d.indexOfUnit[first] = d.ops.size();
            d.ops.add(op);
            d.args.add(everyOparg || table.hasArg(op) ? ext | arg : 0);
            d.locs.add(locationAt.apply(first));
            int next = u + 1 + table.caches(op);
            d.spans.add(new int[] {first, next});
            ext = 0;
            first = -1;
            u = next;
        }
        d.indexOfUnit[units] = d.ops.size();
        return d;
    }

    /** The number of instructions. */
    public int size() {
        return ops.size();
    }
}
