package org.jpyc.code;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code co_exceptiontable} (3.11+, zero-cost exceptions): which handler covers which bytecode.
 *
 * <p>A sequence of entries of four varints each: start (code units), length (code units), target
 * (code units) and {@code depth << 1 | lasti}. The first byte of an entry has bit 7 ({@code 0x80})
 * set. Varints are big-endian groups of 6 bits, bit 6 ({@code 0x40}) meaning "more follows".
 * Like {@code dis._parse_exception_table}, an entry cut short by the end of the table is dropped.
 */
public final class ExceptionTable {
    /**
     * One handler range, in bytes as dis reports them.
     *
     * @param start first covered byte offset
     * @param end byte offset just past the covered range
     * @param target handler byte offset
     * @param depth value stack depth to restore
     * @param lasti whether the offset of the raising instruction is pushed
     */
    public record Entry(int start, int end, int target, int depth, boolean lasti) {}

    private ExceptionTable() {}

    public static List<Entry> parse(byte[] t) {
        List<Entry> out = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < t.length) {
            long[] v = new long[4];
            int k = 0;
            for (; k < 4; k++) {
                if (pos[0] >= t.length) break;
                v[k] = readVarint(t, pos);
                if (v[k] < 0) break;
            }
            if (k < 4) break;
            long start = v[0] * 2;
            long end = start + v[1] * 2;
            long target = v[2] * 2;
            if (end > Integer.MAX_VALUE || target > Integer.MAX_VALUE) {
                throw new CodeFormatException("co_exceptiontable", pos[0], "offset out of range");
            }
            out.add(new Entry((int) start, (int) end, (int) target, (int) (v[3] >> 1), (v[3] & 1) != 0));
        }
        return Collections.unmodifiableList(out);
    }

    /** Big-endian 6-bit groups; -1 if the table ends inside the varint. */
    private static long readVarint(byte[] t, int[] pos) {
        int at = pos[0];
        int b = t[pos[0]++] & 0xff;
        long val = b & 63;
        while ((b & 64) != 0) {
            if (pos[0] >= t.length) {
                return -1; // truncated: the caller drops the entry
            }
            if (val > (Integer.MAX_VALUE >> 6)) {
                throw new CodeFormatException("co_exceptiontable", at, "varint too long");
            }
            b = t[pos[0]++] & 0xff;
            val = (val << 6) | (b & 63);
        }
        return val;
    }

    /** Encodes entries as CPython's assembler writes them (inverse of {@link #parse}). */
    public static byte[] encode(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Entry e : entries) {
            writeVarint(out, e.start() / 2, true);
            writeVarint(out, (e.end() - e.start()) / 2, false);
            writeVarint(out, e.target() / 2, false);
            writeVarint(out, (e.depth() << 1) | (e.lasti() ? 1 : 0), false);
        }
        return out.toByteArray();
    }

    private static void writeVarint(ByteArrayOutputStream out, int value, boolean entryStart) {
        int shift = 0;
        while ((value >>> shift) >= 64 && shift < 30) shift += 6;
        boolean first = true;
        for (; shift >= 0; shift -= 6) {
            int b = (value >>> shift) & 63;
            if (shift > 0) b |= 64;
            if (first && entryStart) b |= 128;
            first = false;
            out.write(b);
        }
    }
}
