package org.jpyc.util;

/**
 * Runs of ASCII in byte arrays, eight bytes a step ({@link LittleEndian#longAt}): for the scans over whole
 * sources and literals that only stop at a byte above 127 (UTF-8 validation), where most bytes are ASCII.
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
}
