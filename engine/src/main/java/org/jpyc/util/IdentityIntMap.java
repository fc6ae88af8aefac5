package org.jpyc.util;

/**
 * Objects by identity, each with an int (0 for an object not entered): what an
 * {@code IdentityHashMap<Object, Integer>} does for a walk over an object graph, without boxing and
 * with one probe for "read, then update". Open addressing with linear probing over
 * {@link org.jpyc.object.PyObject#identityHash} (other keys: {@link System#identityHashCode}), at most
 * half full. Not thread-safe.
 */
public final class IdentityIntMap {
    private Object[] keys;
    private int[] vals;
    private int size;
    private int shift;

    public IdentityIntMap() {
        this(64);
    }

    /** A map sized for about {@code expected} objects before it grows. */
    public IdentityIntMap(int expected) {
        int capacity = 16;
        while (capacity < expected * 2) capacity *= 2;
        keys = new Object[capacity];
        vals = new int[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    private int slot(Object k) {
        // a PyObject's own identity hash: System.identityHashCode is a native call under C1
        int h = k instanceof org.jpyc.object.PyObject p ? p.identityHash() : System.identityHashCode(k);
        return (h * 0x9E3779B9) >>> shift;
    }

    /** The slot of {@code k}, or of the empty slot where it would go. */
    private int find(Object k) {
        final Object[] ks = keys;
        final int mask = ks.length - 1;
        for (int i = slot(k);; i = (i + 1) & mask) {
            Object o = ks[i];
            if (o == k || o == null) return i;
        }
    }

    /** The value of {@code k}, 0 if it was never entered. */
    public int get(Object k) {
        int i = find(k);
        return keys[i] == null ? 0 : vals[i];
    }

    /** Sets the value of {@code k} (entering it) and returns its previous one (0 if it was new). */
    public int put(Object k, int value) {
        int i = find(k);
        if (keys[i] != null) {
            int old = vals[i];
            vals[i] = value;
            return old;
        }
        keys[i] = k;
        vals[i] = value;
        if (++size * 2 > keys.length) rehash();
        return 0;
    }

    /** Enters {@code k} with {@code value} unless it is there; returns its value before (0 if it was new). */
    public int putIfAbsent(Object k, int value) {
        int i = find(k);
        if (keys[i] != null) return vals[i];
        keys[i] = k;
        vals[i] = value;
        if (++size * 2 > keys.length) rehash();
        return 0;
    }

    /** Ors {@code bits} into the value of {@code k} (entering it) and returns its previous value (0 if it was new). */
    public int or(Object k, int bits) {
        return orSeen(k, bits, 0, 0);
    }

    /**
     * {@link #or} of {@code bits}, and of {@code extra} too if the previous value had a bit of {@code seen}:
     * "mark it met, and shared if it was met before" in one probe. Returns the previous value.
     */
    public int orSeen(Object k, int bits, int seen, int extra) {
        int i = find(k);
        if (keys[i] != null) {
            int old = vals[i];
            vals[i] = old | bits | ((old & seen) != 0 ? extra : 0);
            return old;
        }
        keys[i] = k;
        vals[i] = bits;
        if (++size * 2 > keys.length) rehash();
        return 0;
    }

    public int size() {
        return size;
    }

    private void rehash() {
        Object[] oldKeys = keys;
        int[] oldVals = vals;
        keys = new Object[oldKeys.length * 2];
        vals = new int[oldKeys.length * 2];
        shift--;
        for (int j = 0; j < oldKeys.length; j++) {
            Object k = oldKeys[j];
            if (k != null) {
                int i = find(k);
                keys[i] = k;
                vals[i] = oldVals[j];
            }
        }
    }
}
