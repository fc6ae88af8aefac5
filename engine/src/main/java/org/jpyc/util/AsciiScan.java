package org.jpyc.util;

/**
 * Scans of byte arrays eight bytes a step ({@link LittleEndian#longAt}), for the scans over whole sources,
 * literals and comments, where most bytes are ASCII and few stop the scan: runs of ASCII (UTF-8 validation),
 * and the word test for bytes equal to a given one (the source decoder's newlines, the tokenizer's quotes).
 */
public final class AsciiScan {
    private static final long HIGH_BITS = 0x8080808080808080L;

    private AsciiScan() {}

    /** The index of the first byte above 127 in {@code b[from, to)}, or {@code to} if there is none. */
    public static int firstNonAscii(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long high = LittleEndian.longAt(b, i) & HIGH_BITS;
            if (high != 0) return i + (Long.numberOfTrailingZeros(high) >>> 3);
        }
        while (i < to && b[i] >= 0) i++;
        return i;
    }

    /**
     * The high bit of each zero byte of {@code t}, exactly (no carry crosses a byte, so a zero byte after a
     * nonzero one is not missed or invented): with {@code t = w ^ x * 0x0101010101010101L}, the bytes of the
     * word {@code w} equal to {@code x}.
     */
    public static long zeroBytes(long t) {
        return ~(((t & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | t | 0x7F7F7F7F7F7F7F7FL);
    }
}
