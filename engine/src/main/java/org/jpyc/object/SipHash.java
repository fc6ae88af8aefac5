package org.jpyc.object;

/**
 * SipHash-c-d (Aumasson and Bernstein, 2012) over a byte range, 64-bit output, as CPython uses it
 * for {@code str} and {@code bytes} hashes (Python/pyhash.c): SipHash-2-4 up to 3.10, SipHash-1-3
 * from 3.11 (the {@code Py_HASH_ALGORITHM} default, {@code sys.hash_info.algorithm}), and for the
 * pyc source hash ({@code _Py_KeyedHash}, keyed by the magic number; see {@code org.jpyc.pyc.SourceHash}).
 *
 * <p>The message is read as little-endian 64-bit words; the final word holds the remaining 0..7
 * bytes and, in its top byte, the message length mod 256.
 */
public final class SipHash {
    private SipHash() {}

    /** SipHash with {@code cRounds} compression and {@code dRounds} finalization rounds. */
    public static long hash(int cRounds, int dRounds, long k0, long k1, byte[] data, int off, int len) {
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        int end = off + len;
        int full = off + (len & ~7);
        int i = off;
        for (; i < full; i += 8) {
            long m = le64(data, i);
            v3 ^= m;
            for (int r = 0; r < cRounds; r++) {
                // one SipRound, inlined
                v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
                v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
                v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
                v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
            }
            v0 ^= m;
        }
        long b = ((long) len & 0xff) << 56;
        for (int k = 0; i < end; i++, k += 8) b |= (data[i] & 0xffL) << k;
        v3 ^= b;
        for (int r = 0; r < cRounds; r++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        v0 ^= b;
        v2 ^= 0xff;
        for (int r = 0; r < dRounds; r++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static long le64(byte[] d, int i) {
        return (d[i] & 0xffL) | (d[i + 1] & 0xffL) << 8 | (d[i + 2] & 0xffL) << 16 | (d[i + 3] & 0xffL) << 24
                | (d[i + 4] & 0xffL) << 32 | (d[i + 5] & 0xffL) << 40 | (d[i + 6] & 0xffL) << 48
                | (d[i + 7] & 0xffL) << 56;
    }
}
