package org.jpyc.symtable;

/**
 * A scope's {@code ste_symbols}: name to flags, iterated in insertion order as the C dict is. The entries
 * sit in arrays in insertion order (a removed entry leaves a hole, and a removed name put again goes to
 * the end, as in a dict); an open-addressing index of entry numbers finds a name. The flags stay plain
 * ints: symtable and codegen ask for a symbol's flags once per name occurrence, and a boxed map would
 * allocate and unbox on every one of those queries.
 *
 * <p>Iterate with {@code for (int i = 0, n = m.entryCount(); i < n; i++)}, skipping entries whose
 * {@link #keyAt} is null (removed). An entry's number stays fixed while the map grows, so a pass may keep
 * per-symbol data in an array indexed by it.
 */
public final class SymbolMap {
    private static final int MIN_ENTRIES = 8;

    /** The names in insertion order; null for a removed entry. */
    private String[] keys = new String[MIN_ENTRIES];
    private int[] values = new int[MIN_ENTRIES];
    private int[] hashes = new int[MIN_ENTRIES];
    /** Entries made (live and removed). */
    private int count;
    /** Live entries. */
    private int size;
    /** Open-addressing index: entry number plus one, 0 for an empty slot; twice as many slots as entries. */
    private int[] index = new int[MIN_ENTRIES * 2];

    private static int hash(String name) {
        int h = name.hashCode();
        return h ^ (h >>> 16);
    }

    /** The entry number of {@code name}, or -1 if absent. */
    public int find(String name) {
        int h = hash(name);
        int[] ix = index;
        int mask = ix.length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int e = ix[slot] - 1;
            if (e < 0) return -1;
            String k = keys[e];
            if (k == name || (hashes[e] == h && k != null && k.equals(name))) return e;
        }
    }

    /** The flags of {@code name}, 0 if absent ({@code _PyST_GetSymbol}). */
    public int get(String name) {
        int e = find(name);
        return e < 0 ? 0 : values[e];
    }

    public boolean containsKey(String name) {
        return find(name) >= 0;
    }

    /** Sets the flags of {@code name}, adding it at the end if absent; returns its entry number. */
    public int put(String name, int flags) {
        int e = find(name);
        if (e >= 0) {
            values[e] = flags;
            return e;
        }
        return add(name, flags);
    }

    /** Adds {@code name}, known to be absent, at the end; returns its entry number. */
    private int add(String name, int flags) {
        if (count == keys.length) grow();
        int e = count++;
        int h = hash(name);
        keys[e] = name;
        values[e] = flags;
        hashes[e] = h;
        size++;
        insertIndex(index, e, h);
        return e;
    }

    private static void insertIndex(int[] ix, int e, int h) {
        int mask = ix.length - 1;
        int slot = h & mask;
        while (ix[slot] != 0) slot = (slot + 1) & mask;
        ix[slot] = e + 1;
    }

    private void grow() {
        int n = keys.length * 2;
        String[] nk = new String[n];
        int[] nv = new int[n];
        int[] nh = new int[n];
        System.arraycopy(keys, 0, nk, 0, count);
        System.arraycopy(values, 0, nv, 0, count);
        System.arraycopy(hashes, 0, nh, 0, count);
        keys = nk;
        values = nv;
        hashes = nh;
        int[] ix = new int[n * 2];
        for (int e = 0; e < count; e++) insertIndex(ix, e, hashes[e]);
        index = ix;
    }

    /** Removes {@code name}; its entry becomes a hole (the index slot stays, matching nothing). */
    public boolean remove(String name) {
        int e = find(name);
        if (e < 0) return false;
        keys[e] = null;
        values[e] = 0;
        size--;
        return true;
    }

    /** Live entries ({@code len(ste_symbols)}). */
    public int size() {
        return size;
    }

    /** The number of entries made, removed ones included: the bound of an iteration by entry number. */
    public int entryCount() {
        return count;
    }

    /** The name of entry {@code e}, null if it was removed. */
    public String keyAt(int e) {
        return keys[e];
    }

    /** The flags of entry {@code e}. */
    public int valueAt(int e) {
        return values[e];
    }

    /** Sets the flags of entry {@code e} (a live one). */
    public void setValueAt(int e, int flags) {
        values[e] = flags;
    }
}
