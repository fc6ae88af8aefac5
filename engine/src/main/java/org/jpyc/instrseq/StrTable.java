package org.jpyc.instrseq;

import org.jpyc.object.PyStr;

/**
 * Strs by text (code points, {@link PyStr#sameText}): open addressing with linear probing over
 * {@link PyStr#textHash()}, at most half full. What a {@code dict} keyed by str does for the tables of a
 * compilation, without a key object or an entry per str. Not thread-safe.
 */
final class StrTable {
    private PyStr[] slots;
    private int size;

    /** A table with {@code capacity} slots (a power of two) before it grows. */
    StrTable(int capacity) {
        slots = new PyStr[capacity];
    }

    /** The slot holding the str with {@code s}'s text, else the empty slot where it would go. */
    int find(PyStr s) {
        PyStr[] ss = slots;
        int mask = ss.length - 1;
        int h = s.textHash();
        for (int i = (h ^ (h >>> 16)) & mask;; i = (i + 1) & mask) {
            PyStr t = ss[i];
            if (t == null || t.sameText(s)) return i;
        }
    }

    /** The str in {@code slot} (from {@link #find}), or null. */
    PyStr at(int slot) {
        return slots[slot];
    }

    /** Puts {@code s} in the empty {@code slot} that {@link #find} gave for it. */
    void put(int slot, PyStr s) {
        slots[slot] = s;
        if (++size * 2 > slots.length) rehash();
    }

    /** The str with {@code s}'s text if there is one; otherwise enters {@code s} and returns null. */
    PyStr putIfAbsent(PyStr s) {
        int slot = find(s);
        PyStr t = slots[slot];
        if (t != null) return t;
        put(slot, s);
        return null;
    }

    private void rehash() {
        PyStr[] old = slots;
        slots = new PyStr[old.length * 2];
        for (PyStr t : old) if (t != null) slots[find(t)] = t;
    }
}
