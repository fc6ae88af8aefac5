package org.jpyc.util;

/**
 * A hash of a byte array for hash tables keyed by contents (constant keys, interned strs): eight
 * bytes a step with a multiply-rotate mix, where {@code Arrays.hashCode} takes one byte a step on a
 * chain of dependent multiplies. Its values are nobody's format: only equal arrays must hash alike.
 */
public final class ByteHash {
    private static final long K = 0x9E3779B97F4A7C15L;

    private ByteHash() {}

    public static int of(byte[] b) {
        int n = b.length;
        long h = n * K;
        int i = 0;
        for (; i + 8 <= n; i += 8) h = Long.rotateLeft((h ^ LittleEndian.longAt(b, i)) * K, 29);
        long tail = 0;
        for (int s = 0; i < n; i++, s += 8) tail |= (b[i] & 0xffL) << s;
        h = (h ^ tail) * K;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }
}
