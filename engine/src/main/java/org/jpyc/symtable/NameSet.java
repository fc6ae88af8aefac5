package org.jpyc.symtable;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A CPython {@code set} of names, modelled slot for slot (Objects/setobject.c of 3.13: {@code set_add_entry},
 * {@code set_lookkey}, {@code set_discard_entry}, {@code set_table_resize}, {@code set_insert_clean},
 * {@code set_merge_lock_held}), so that it iterates in CPython's order. The analysis pass iterates a set
 * once, in {@code update_symbols}, and that order is the order in which pass-through free names enter a
 * scope's symbols (visible in {@code _symtable} and in the {@link SymtableDump}).
 */
final class NameSet implements Iterable<String> {
    private static final int MIN_SIZE = 8;
    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;
    /** The key of a deleted slot ({@code dummy}); its stored hash is -1. */
    private static final String DUMMY = new String("<dummy>");

    private final StrHasher hasher;
    /** The table; null stands for the empty small table, allocated on the first insertion. */
    private String[] keys;
    private long[] hashes;
    private int mask = MIN_SIZE - 1;
    private int fill;
    private int used;

    NameSet(StrHasher hasher) {
        this.hasher = hasher;
    }

    /** {@code PySet_New(other)}: an empty set, then {@code set_merge} of {@code other}. */
    NameSet(NameSet other) {
        this(other.hasher);
        update(other);
    }

    int size() {
        return used;
    }

    /** {@code PySet_Add}. */
    void add(String key) {
        allocate();
        addEntry(key, hasher.hash(key));
    }

    private void allocate() {
        if (keys == null) {
            keys = new String[MIN_SIZE];
            hashes = new long[MIN_SIZE];
        }
    }

    boolean contains(String key) {
        if (used == 0) return false;
        int e = lookKey(key, hasher.hash(key));
        return keys[e] != null;
    }

    /** {@code PySet_Discard}: true if the name was there. */
    boolean discard(String key) {
        if (used == 0) return false;
        int e = lookKey(key, hasher.hash(key));
        if (keys[e] == null) return false;
        keys[e] = DUMMY;
        hashes[e] = -1;
        used--;
        return true;
    }

    /** {@code set_lookkey}: the slot holding {@code key}, or the empty slot that ends its probe sequence. */
    private int lookKey(String key, long hash) {
        long perturb = hash;
        long i = hash & mask;
        while (true) {
            int e = (int) i;
            int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
            do {
                if (hashes[e] == 0 && keys[e] == null) return e;
                if (hashes[e] == hash && keys[e] != DUMMY && keys[e].equals(key)) return e;
                e++;
            } while (probes-- > 0);
            perturb >>>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /** {@code set_add_entry}. */
    private void addEntry(String key, long hash) {
        long perturb = hash;
        long i = hash & mask;
        int freeSlot = -1;
        while (true) {
            int e = (int) i;
            int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
            do {
                if (hashes[e] == 0 && keys[e] == null) {
                    if (freeSlot >= 0) {
                        used++;
                        keys[freeSlot] = key;
                        hashes[freeSlot] = hash;
                        return;
                    }
                    fill++;
                    used++;
                    keys[e] = key;
                    hashes[e] = hash;
                    if ((long) fill * 5 >= (long) mask * 3) {
                        resize(used > 50000 ? used * 2 : used * 4);
                    }
                    return;
                }
                if (hashes[e] == hash) {
                    if (keys[e].equals(key)) return;
                } else if (hashes[e] == -1) {
                    freeSlot = e;
                }
                e++;
            } while (probes-- > 0);
            perturb >>>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /** {@code set_insert_clean}: place a key known to be absent in a table without dummies. */
    private static void insertClean(String[] ks, long[] hs, int mask, String key, long hash) {
        long perturb = hash;
        long i = hash & mask;
        while (true) {
            int e = (int) i;
            if (ks[e] == null) {
                ks[e] = key;
                hs[e] = hash;
                return;
            }
            if (i + LINEAR_PROBES <= mask) {
                for (int j = 0; j < LINEAR_PROBES; j++) {
                    e++;
                    if (ks[e] == null) {
                        ks[e] = key;
                        hs[e] = hash;
                        return;
                    }
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /** {@code set_table_resize}: rebuild with the smallest size above {@code minUsed}, dropping dummies. */
    private void resize(long minUsed) {
        int newSize = MIN_SIZE;
        while (newSize <= minUsed) newSize <<= 1;
        if (newSize == MIN_SIZE && mask == MIN_SIZE - 1 && fill == used) {
            return; // the small table, no dummies: nothing to do
        }
        String[] oldKeys = keys;
        long[] oldHashes = hashes;
        keys = new String[newSize];
        hashes = new long[newSize];
        mask = newSize - 1;
        boolean dummies = fill != used;
        if (dummies) fill = used;
        for (int e = 0; e < oldKeys.length; e++) {
            String k = oldKeys[e];
            if (k != null && k != DUMMY) insertClean(keys, hashes, mask, k, oldHashes[e]);
        }
    }

    /** {@code set_merge_lock_held}: {@code this |= other} ({@code PyNumber_InPlaceOr}, {@code set.update}). */
    void update(NameSet other) {
        if (other == this || other.used == 0) return;
        allocate();
        if ((long) (fill + other.used) * 5 >= (long) mask * 3) {
            resize((long) (used + other.used) * 2);
        }
        if (fill == 0 && mask == other.mask && other.fill == other.used) {
            System.arraycopy(other.keys, 0, keys, 0, keys.length);
            System.arraycopy(other.hashes, 0, hashes, 0, hashes.length);
            fill = other.fill;
            used = other.used;
            return;
        }
        if (fill == 0) {
            fill = other.used;
            used = other.used;
            for (int e = 0; e <= other.mask; e++) {
                String k = other.keys[e];
                if (k != null && k != DUMMY) insertClean(keys, hashes, mask, k, other.hashes[e]);
            }
            return;
        }
        for (int e = 0; e <= other.mask; e++) {
            String k = other.keys[e];
            if (k != null && k != DUMMY) addEntry(k, other.hashes[e]);
        }
    }

    /** Iteration in table order, as {@code PyIter_Next} over a set walks it. */
    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private final String[] ks = keys == null ? new String[0] : keys;
            private int pos = advance(0);

            private int advance(int from) {
                int p = from;
                while (p < ks.length && (ks[p] == null || ks[p] == DUMMY)) p++;
                return p;
            }

            @Override
            public boolean hasNext() {
                return pos < ks.length;
            }

            @Override
            public String next() {
                if (pos >= ks.length) throw new NoSuchElementException();
                String k = ks[pos];
                pos = advance(pos + 1);
                return k;
            }
        };
    }
}
