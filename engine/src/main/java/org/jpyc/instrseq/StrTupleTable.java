package org.jpyc.instrseq;

import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;

/**
 * Non-empty tuples of strs by their items' texts (a tuple key of {@code _PyCode_ConstantKey} whose items
 * are all str keys): open addressing with linear probing, at most half full. The const cache's entries
 * for such tuples (every code object's names and localsplus names, many constant tuples), kept apart
 * from its other keys as {@link StrTable} keeps the strs: such a key equals no key of another shape, so
 * this is the same dict split by type, without a key object per item. Not thread-safe.
 */
final class StrTupleTable {
    private PyTuple[] slots;
    private int[] hashes;
    private int size;

    /** A table with {@code capacity} slots (a power of two) before it grows. */
    StrTupleTable(int capacity) {
        slots = new PyTuple[capacity];
        hashes = new int[capacity];
    }

    /** Whether {@code t} belongs here: at least one item, every item a str. */
    static boolean holds(PyTuple t) {
        PyObject[] items = t.array();
        if (items.length == 0) return false;
        for (PyObject x : items) {
            if (!(x instanceof PyStr)) return false;
        }
        return true;
    }

    private static int hash(PyObject[] items) {
        int h = items.length;
        for (PyObject x : items) h = h * 31 + ((PyStr) x).textHash();
        return h ^ (h >>> 16);
    }

    private static boolean sameTexts(PyObject[] a, PyObject[] b) {
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) {
            if (!((PyStr) a[i]).sameText((PyStr) b[i])) return false;
        }
        return true;
    }

    /** The tuple with {@code t}'s texts if there is one; otherwise enters {@code t} and returns null. */
    PyTuple putIfAbsent(PyTuple t) {
        PyObject[] items = t.array();
        int h = hash(items);
        PyTuple[] ss = slots;
        int mask = ss.length - 1;
        int i = h & mask;
        for (PyTuple u; (u = ss[i]) != null; i = (i + 1) & mask) {
            if (u == t || (hashes[i] == h && sameTexts(u.array(), items))) return u;
        }
        ss[i] = t;
        hashes[i] = h;
        if (++size * 2 > ss.length) rehash();
        return null;
    }

    private void rehash() {
        PyTuple[] old = slots;
        int[] oldHashes = hashes;
        slots = new PyTuple[old.length * 2];
        hashes = new int[old.length * 2];
        int mask = slots.length - 1;
        for (int j = 0; j < old.length; j++) {
            if (old[j] == null) continue;
            int i = oldHashes[j] & mask;
            while (slots[i] != null) i = (i + 1) & mask;
            slots[i] = old[j];
            hashes[i] = oldHashes[j];
        }
    }
}
