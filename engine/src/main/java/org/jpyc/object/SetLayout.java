package org.jpyc.object;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The iteration order of a CPython set or frozenset, which is what {@code repr()} prints and what
 * marshal writes (3.10; later versions sort when writing, see
 * {@link Feature#MARSHAL_SORTS_FROZENSET}).
 *
 * <p>marshal's {@code r_object} builds a set or frozenset by adding the stored items one at a time
 * ({@code PySet_Add} on a fresh, empty set; Python/marshal.c, every 3.x version), so the layout is
 * that of successive {@code set_add_entry} calls (Objects/setobject.c, the same algorithm in 3.7
 * through 3.14):
 * <ul>
 *   <li>The table starts with 8 slots ({@code PySet_MINSIZE}); {@code mask} is size - 1.
 *   <li>A key with hash {@code h} probes slot {@code i = h & mask} and then, if {@code i + 9 <= mask},
 *       the 9 slots after it ({@code LINEAR_PROBES}); if all are taken, {@code perturb >>>= 5} (perturb
 *       starts as {@code h}, unsigned) and {@code i = (i * 5 + 1 + perturb) & mask}, and so on.
 *   <li>A slot whose stored hash equals {@code h} and whose key is the same object or {@code ==}
 *       ends the search: the key is already present (the first one inserted stays).
 *   <li>After filling an empty slot, if {@code fill * 5 >= mask * 3} the table is rebuilt with the
 *       smallest power-of-two size above {@code used * 4} ({@code used * 2} past 50000 entries),
 *       re-inserting the old slots in table order with the same probe sequence.
 *   <li>Iteration walks the table from slot 0.
 * </ul>
 * {@code set(iterable)} and {@code frozenset(iterable)} for a tuple or list do the same; building
 * from another set or dict ({@code set_merge}) copies layouts and is not modelled here.
 */
public final class SetLayout {
    private static final int MIN_SIZE = 8;
    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;

    private SetLayout() {}

    /**
     * The items of the set CPython builds by adding {@code insertionOrder} one by one, in iteration
     * order, without duplicates ({@code 1}, {@code 1.0} and {@code True} are one item: the first).
     *
     * @throws PyObjectException TypeError if an item is unhashable
     */
    public static List<PyObject> iterationOrder(List<PyObject> insertionOrder, PyVersion version) {
        return Deep.run(new PySet(insertionOrder, true), () -> build(insertionOrder, version, 0).order());
    }

    /**
     * {@code PyFrozenSet_New(tuple)} of {@code insertionOrder}: the distinct items (the first of equal ones kept).
     * Where marshal writes a set as it iterates (before 3.11: {@link Feature#MARSHAL_SORTS_FROZENSET}) they are held
     * in CPython's iteration order, which is both what marshal writes and the order in which a rebuild inserts them
     * ({@code merge_consts_recursive} and {@code intern_string_constants} make a new frozenset from the old one's
     * items as they iterate); otherwise in insertion order, as {@link PySet} holds a set's items.
     */
    public static PySet frozensetNew(List<PyObject> insertionOrder, PyVersion version) {
        List<PyObject> order = iterationOrder(insertionOrder, version);
        if (!version.has(Feature.MARSHAL_SORTS_FROZENSET)) return new PySet(new ArrayList<>(order), true);
        if (order.size() == insertionOrder.size()) return new PySet(new ArrayList<>(insertionOrder), true);
        java.util.Set<PyObject> kept = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        kept.addAll(order);
        List<PyObject> distinct = new ArrayList<>(order.size());
        for (PyObject o : insertionOrder) {
            if (kept.remove(o)) distinct.add(o);
        }
        return new PySet(distinct, true);
    }

    static Table build(List<PyObject> items, PyVersion v, int depth) {
        if (depth > PyHash.MAX_DEPTH) throw PyObjectException.tooDeep();
        Table t = new Table();
        for (PyObject item : items) t.add(item, PyHash.hash(item, v, depth + 1), v, depth);
        return t;
    }

    /** An open-addressing table laid out as CPython's {@code PySetObject} would be. */
    static final class Table {
        private PyObject[] keys = new PyObject[MIN_SIZE];
        private long[] hashes = new long[MIN_SIZE];
        private int mask = MIN_SIZE - 1;
        /** Slots in use. No deletions happen here, so CPython's {@code fill == used}. */
        private int used;

        int size() {
            return used;
        }

        void add(PyObject key, long hash, PyVersion v, int depth) {
            int slot = probe(key, hash, v, depth);
            if (slot >= 0) return;
            slot = ~slot;
            keys[slot] = key;
            hashes[slot] = hash;
            used++;
            if ((long) used * 5 >= (long) mask * 3) resize(used > 50000 ? used * 2 : used * 4);
        }

        boolean contains(PyObject key, PyVersion v, int depth) {
            return probe(key, PyHash.hash(key, v, depth + 1), v, depth) >= 0;
        }

        /**
         * CPython's probe sequence (set_add_entry / set_contains_entry): up to LINEAR_PROBES slots
         * after each start, then a perturbed jump. The slot holding an equal key, or {@code ~slot} of
         * the empty slot where the search stops.
         */
        private int probe(PyObject key, long hash, PyVersion v, int depth) {
            long perturb = hash;
            int i = (int) (hash & mask);
            while (true) {
                int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
                int j = i;
                for (int p = 0; p <= probes; p++, j++) {
                    PyObject k = keys[j];
                    if (k == null) return ~j;
                    if (hashes[j] == hash && PyEquality.equal(k, key, v, depth + 1)) return j;
                }
                perturb >>>= PERTURB_SHIFT;
                i = (int) ((i * 5L + 1 + perturb) & mask);
            }
        }

        private void resize(int minUsed) {
            int newSize = MIN_SIZE;
            while (newSize <= minUsed) newSize <<= 1;
            PyObject[] oldKeys = keys;
            long[] oldHashes = hashes;
            keys = new PyObject[newSize];
            hashes = new long[newSize];
            mask = newSize - 1;
            for (int s = 0; s < oldKeys.length; s++) {
                if (oldKeys[s] != null) insertClean(oldKeys[s], oldHashes[s]);
            }
        }

        /** {@code set_insert_clean}: the key is known to be absent. */
        private void insertClean(PyObject key, long hash) {
            long perturb = hash;
            int i = (int) (hash & mask);
            while (true) {
                if (keys[i] == null) {
                    keys[i] = key;
                    hashes[i] = hash;
                    return;
                }
                if (i + LINEAR_PROBES <= mask) {
                    for (int j = i + 1; j <= i + LINEAR_PROBES; j++) {
                        if (keys[j] == null) {
                            keys[j] = key;
                            hashes[j] = hash;
                            return;
                        }
                    }
                }
                perturb >>>= PERTURB_SHIFT;
                i = (int) ((i * 5L + 1 + perturb) & mask);
            }
        }

        /** The keys in table (iteration) order. */
        List<PyObject> order() {
            if (used == 0) return Collections.emptyList();
            List<PyObject> out = new ArrayList<>(used);
            for (PyObject k : keys) if (k != null) out.add(k);
            return out;
        }

        long frozensetHash() {
            long[] hs = new long[used];
            int n = 0;
            for (int s = 0; s < keys.length; s++) if (keys[s] != null) hs[n++] = hashes[s];
            return PyHash.frozensetHash(hs, n);
        }
    }
}
