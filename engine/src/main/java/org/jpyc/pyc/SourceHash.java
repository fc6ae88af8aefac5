package org.jpyc.pyc;

import org.jpyc.object.SipHash;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * {@code importlib.util.source_hash(data)} of a target version: {@code _imp.source_hash(key, data)}
 * with key = the magic token ({@link Magic#token()}), i.e. keyed SipHash over the source bytes
 * with k0 = token, k1 = 0, the 64-bit result stored little-endian. SipHash-2-4 in 3.7 - 3.10,
 * SipHash-1-3 from 3.11 (Python/pyhash.c {@code _Py_KeyedHash}). Because the key is the magic
 * number, the same source hashes differently under every version.
 */
public final class SourceHash {
    private SourceHash() {}

    /** The 8-byte source hash {@code v}'s importlib computes for {@code source}. */
    public static byte[] of(PyVersion v, byte[] source) {
        return of(v, Magic.forVersion(v), source);
    }

    /** The source hash keyed with an explicit magic number (e.g. a pre-release one) under {@code v}'s algorithm. */
    public static byte[] of(PyVersion v, Magic magic, byte[] source) {
        if (!v.has(Feature.PYC_FLAGS_WORD)) {
            throw new IllegalArgumentException("source hashes (PEP 552) need Python 3.7+, not " + v);
        }
        long h = v.has(Feature.SOURCE_HASH_SIPHASH13)
                ? SipHash.hash(1, 3, magic.token(), 0, source, 0, source.length)
                : SipHash.hash(2, 4, magic.token(), 0, source, 0, source.length);
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) out[i] = (byte) (h >>> (8 * i));
        return out;
    }
}
