package org.jpyc.object;

import java.math.BigInteger;
import java.util.List;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * {@code hash()} of a constant as a given CPython computes it with {@code PYTHONHASHSEED=0}, on a
 * 64-bit build ({@code sys.hash_info}: width 64, modulus 2**61-1, inf 314159, imag 1000003,
 * cutoff 0). Set iteration order depends on it (see {@link SetLayout}).
 *
 * <p>Per type:
 * <ul>
 *   <li>int, bool: the absolute value mod 2**61-1, with the sign of the value (Python/pyhash.c
 *       numeric hash; {@code True} is 1).
 *   <li>float: the same numeric hash of the exact rational value, so {@code hash(2.0) == hash(2)};
 *       {@code inf} 314159, {@code -inf} -314159. {@code nan}: 0 up to 3.9, then the object's address
 *       ({@link Feature#NAN_HASH_BY_IDENTITY}).
 *   <li>complex: {@code hash(real) + 1000003 * hash(imag)} in 64-bit unsigned arithmetic.
 *   <li>str: SipHash of the string's canonical storage (1, 2 or 4 bytes per code point, little-endian,
 *       chosen by the largest code point: PEP 393), zero key; {@code ''} hashes to 0. SipHash-2-4 up to
 *       3.10, SipHash-1-3 from 3.11 ({@link Feature#SIPHASH13_STR_HASH}).
 *   <li>bytes: the same SipHash over the bytes.
 *   <li>tuple: the xxHash64-style combination of the items' hashes (Objects/tupleobject.c, 3.8+);
 *       slice (3.12+, {@link Feature#SLICE_HASHABLE}): the same over start, stop, step without the
 *       final length term.
 *   <li>frozenset: xor of the shuffled item hashes, then a final scramble (Objects/setobject.c).
 *   <li>None: the constant {@code 0xFCA86420} from 3.12 ({@link Feature#NONE_HASH_CONSTANT}), before
 *       that its address.
 * </ul>
 * Every hash that CPython derives from an object's address ({@code None} before 3.12, Ellipsis,
 * StopIteration, nan, code objects) varies from run to run in CPython itself (ASLR); jpyc uses a
 * fixed fake address per kind of object ({@link FakeAddress}), so its answers are deterministic.
 * A result of -1 is reserved for errors and becomes -2 (tuples and slices: 1546275796).
 */
public final class PyHash {
    /**
     * Nesting limit for hash, equality and repr. marshal refuses data nested deeper than 2000
     * ({@code MAX_MARSHAL_STACK_DEPTH}), so no loadable constant reaches it.
     */
    public static final int MAX_DEPTH = 2100;

    /** 2**61 - 1, {@code _PyHASH_MODULUS}. */
    static final long MODULUS = (1L << 61) - 1;
    static final long HASH_INF = 314159;
    static final long HASH_IMAG = 1000003;
    static final long NONE_HASH = 0xFCA86420L;

    // xxHash64 primes (Objects/tupleobject.c, _PyHASH_XXPRIME_*)
    private static final long XXPRIME_1 = 0x9E3779B185EBCA87L;
    private static final long XXPRIME_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long XXPRIME_5 = 0x27D4EB2F165667C5L;
    private static final long TUPLE_MINUS_ONE = 1546275796L;

    private PyHash() {}

    /**
     * {@code hash(o)} under {@code version}.
     *
     * @throws PyObjectException TypeError for unhashable objects (list, dict, set; slice before 3.12)
     */
    public static long hash(PyObject o, PyVersion version) {
        return Deep.run(o, () -> hash(o, version, 0));
    }

    static long hash(PyObject o, PyVersion v, int depth) {
        if (depth > MAX_DEPTH) throw PyObjectException.tooDeep();
        if (o instanceof PyStr s) return hashStr(s, v);
        if (o instanceof PyInt i) return hashInt(i.value());
        if (o instanceof PyConst c) return hashConst(c, v);
        if (o instanceof PyFloat f) return hashDouble(f.value(), FakeAddress.of(f), v);
        if (o instanceof PyBytes b) return hashBytes(b.value(), 0, b.value().length, v);
        if (o instanceof PyTuple t) return hashTuple(t.items(), v, depth);
        if (o instanceof PyComplex c) {
            long addr = FakeAddress.of(c);
            long re = hashDouble(c.real(), addr, v);
            long im = hashDouble(c.imag(), addr, v);
            return fix(re + HASH_IMAG * im);
        }
        if (o instanceof PySet s && s.frozen()) return SetLayout.build(s.items(), v, depth + 1).frozensetHash();
        if (o instanceof PySlice sl && v.has(Feature.SLICE_HASHABLE)) {
            long acc = XXPRIME_5;
            acc = xxRound(acc, hash(sl.start(), v, depth + 1));
            acc = xxRound(acc, hash(sl.stop(), v, depth + 1));
            acc = xxRound(acc, hash(sl.step(), v, depth + 1));
            return acc == -1 ? TUPLE_MINUS_ONE : acc;
        }
        if (o instanceof PyCode) return pointerHash(FakeAddress.of(o));
        throw PyObjectException.unhashable(o);
    }

    /**
     * Whether CPython {@code version} hashes {@code o} (or something inside it) by memory address:
     * None before 3.12, Ellipsis, StopIteration, code objects, and NaN floats from 3.10. The iteration
     * order of a set holding such an item depends on where the interpreter's build placed that object,
     * so it is not a function of the values alone; jpyc's {@link SetLayout} uses fixed fake addresses.
     */
    public static boolean dependsOnAddress(PyObject o, PyVersion version) {
        java.util.ArrayDeque<PyObject> todo = new java.util.ArrayDeque<>();
        todo.push(o);
        int seen = 0;
        while (!todo.isEmpty() && seen++ < 1_000_000) {
            PyObject x = todo.pop();
            if (x instanceof PyConst c) {
                if (c.kind() == PyConst.Kind.ELLIPSIS || c.kind() == PyConst.Kind.STOP_ITERATION) return true;
                if (c.kind() == PyConst.Kind.NONE && !version.has(Feature.NONE_HASH_CONSTANT)) return true;
            } else if (x instanceof PyFloat f) {
                if (Double.isNaN(f.value()) && version.has(Feature.NAN_HASH_BY_IDENTITY)) return true;
            } else if (x instanceof PyComplex c) {
                if ((Double.isNaN(c.real()) || Double.isNaN(c.imag())) && version.has(Feature.NAN_HASH_BY_IDENTITY)) return true;
            } else if (x instanceof PyCode) {
                return true;
            } else {
                Deep.children(x).forEach(todo::push);
            }
        }
        return false;
    }

    private static long hashConst(PyConst c, PyVersion v) {
        return switch (c.kind()) {
            case TRUE -> 1;
            case FALSE -> 0;
            case NONE -> v.has(Feature.NONE_HASH_CONSTANT) ? NONE_HASH : pointerHash(FakeAddress.ofStatic(c, v));
            case ELLIPSIS, STOP_ITERATION -> pointerHash(FakeAddress.ofStatic(c, v));
            case NULL -> throw new PyObjectException("SystemError", "NULL object has no hash");
        };
    }

    /** The numeric hash of an int: {@code sign(v) * (|v| mod 2**61-1)}, -1 mapped to -2. */
    public static long hashInt(BigInteger value) {
        if (value.bitLength() < 63) return hashLong(value.longValue());
        long h = value.abs().mod(BigInteger.valueOf(MODULUS)).longValue();
        return fix(value.signum() < 0 ? -h : h);
    }

    static long hashLong(long v) {
        // |v| < 2**62 here or Long.MIN_VALUE-free: callers pass values of bitLength < 63
        long a = Math.abs(v);
        long h = (a & MODULUS) + (a >>> 61);
        if (h >= MODULUS) h -= MODULUS;
        return fix(v < 0 ? -h : h);
    }

    /**
     * {@code _Py_HashDouble}: the numeric hash of the exact value {@code m * 2**e}. Since 2**61 is 1
     * modulo 2**61-1, multiplying by 2**e is a rotation of the 61-bit residue by {@code e mod 61}.
     */
    static long hashDouble(double x, long ownerAddress, PyVersion v) {
        if (Double.isNaN(x)) return v.has(Feature.NAN_HASH_BY_IDENTITY) ? pointerHash(ownerAddress) : 0;
        if (Double.isInfinite(x)) return x > 0 ? HASH_INF : -HASH_INF;
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long m = bits & 0xFFFFFFFFFFFFFL;
        int e;
        if (biased == 0) {
            e = -1074;
        } else {
            m |= 1L << 52;
            e = biased - 1075;
        }
        if (m == 0) return 0;
        // m < 2**53 < MODULUS, so m is already reduced
        int k = Math.floorMod(e, 61);
        long h = k == 0 ? m : ((m << k) & MODULUS) | (m >>> (61 - k));
        if (h == MODULUS) h = 0;
        return fix(x < 0 ? -h : h);
    }

    /** {@code str} hash: SipHash of the PEP 393 storage (see class comment). */
    public static long hashStr(PyStr s, PyVersion v) {
        // a one-byte payload (ASCII or Latin-1) is the one-byte PEP 393 storage itself: no decoding
        if (s.form().oneByte) return hashBytes(s.raw(), 0, s.raw().length, v);
        int[] cps = s.codePoints();
        int n = cps.length;
        if (n == 0) return 0;
        int max = 0;
        for (int cp : cps) max |= cp;
        int width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
        byte[] buf;
        if (width == 1 && s.form().oneByte) {
            buf = s.raw();
        } else {
            buf = new byte[n * width];
            for (int i = 0, j = 0; i < n; i++) {
                int cp = cps[i];
                buf[j++] = (byte) cp;
                if (width >= 2) buf[j++] = (byte) (cp >>> 8);
                if (width == 4) {
                    buf[j++] = (byte) (cp >>> 16);
                    buf[j++] = (byte) (cp >>> 24);
                }
            }
        }
        return hashBytes(buf, 0, buf.length, v);
    }

    /** {@code bytes} hash (also the raw-memory hash behind {@code str}). */
    static long hashBytes(byte[] b, int off, int len, PyVersion v) {
        if (len == 0) return 0;
        long h = v.has(Feature.SIPHASH13_STR_HASH)
                ? SipHash.hash(1, 3, 0, 0, b, off, len)
                : SipHash.hash(2, 4, 0, 0, b, off, len);
        return fix(h);
    }

    private static long hashTuple(List<PyObject> items, PyVersion v, int depth) {
        long acc = XXPRIME_5;
        for (PyObject item : items) acc = xxRound(acc, hash(item, v, depth + 1));
        acc += items.size() ^ (XXPRIME_5 ^ 3527539L);
        return acc == -1 ? TUPLE_MINUS_ONE : acc;
    }

    private static long xxRound(long acc, long lane) {
        acc += lane * XXPRIME_2;
        acc = Long.rotateLeft(acc, 31);
        return acc * XXPRIME_1;
    }

    /** {@code _Py_HashPointer}: the address rotated right by 4 bits (the low bits are alignment). */
    static long pointerHash(long address) {
        return fix(Long.rotateRight(address, 4));
    }

    /** Frozenset hash from the hashes of its distinct items ({@code frozenset_hash}). */
    static long frozensetHash(long[] itemHashes, int count) {
        long h = 0;
        for (int i = 0; i < count; i++) h ^= shuffleBits(itemHashes[i]);
        h ^= ((long) count + 1) * 1927868237L;
        h ^= (h >>> 11) ^ (h >>> 25);
        h = h * 69069L + 907133923L;
        return h == -1 ? 590923713L : h;
    }

    private static long shuffleBits(long h) {
        return ((h ^ 89869747L) ^ (h << 16)) * 3644798167L;
    }

    private static long fix(long h) {
        return h == -1 ? -2 : h;
    }
}
