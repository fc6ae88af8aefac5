package org.jpyc.instrseq;

import java.util.Arrays;
import java.util.List;

/**
 * One of a code unit's name dicts ({@code u_names}, {@code u_varnames}, {@code u_cellvars}, {@code u_freevars}
 * of {@code _PyCompile_CodeUnitMetadata}): names, each with its index (the dict's value), kept in insertion
 * order. {@link #add} is {@code dict_add_o}: a new name's index is the number of names before it. Codegen
 * also numbers some tables itself ({@link #put}: {@code dictbytype}'s cells and free variables, which start
 * after the cells), so an index is not always a name's position.
 *
 * <p>Parallel arrays and an open-addressing table over {@link String#hashCode} (linear probing, at most half
 * full): most tables hold a handful of names, and a code unit has four of them, so this replaces four
 * {@code LinkedHashMap<String, Integer>} with an entry object and a boxed index per name.
 */
public final class NameTable {
    private static final String[] NO_NAMES = {};
    private static final int[] NO_INTS = {};

    /** The names in insertion order, {@code [0, size)}. */
    private String[] names = NO_NAMES;
    /** {@code indexes[p]}: the index of {@code names[p]}. */
    private int[] indexes = NO_INTS;
    /** Hash slots: a name's position plus one, 0 for an empty slot; {@code null} while the table is empty. */
    private int[] slots;
    private int shift;
    private int size;

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The index of {@code name}, or -1 if it is not in the table. */
    public int get(String name) {
        if (slots == null) return -1;
        int p = slots[find(name)] - 1;
        return p < 0 ? -1 : indexes[p];
    }

    public boolean contains(String name) {
        return get(name) >= 0;
    }

    /** {@code dict_add_o}: the index of {@code name}, entering it with the next index ({@link #size}) if it is new. */
    public int add(String name) {
        if (slots == null) init();
        int s = find(name);
        int p = slots[s] - 1;
        if (p >= 0) return indexes[p];
        int index = size;
        enter(s, name, index);
        return index;
    }

    /** Sets the index of {@code name}: entered last if it is new, else its index changes and its place stays. */
    public void put(String name, int index) {
        if (slots == null) init();
        int s = find(name);
        int p = slots[s] - 1;
        if (p >= 0) {
            indexes[p] = index;
        } else {
            enter(s, name, index);
        }
    }

    /** The name entered {@code position}-th (from 0). */
    public String nameAt(int position) {
        return names[position];
    }

    /** The index of the name entered {@code position}-th. */
    public int indexAt(int position) {
        return indexes[position];
    }

    /** The names in insertion order. */
    public List<String> names() {
        return List.of(Arrays.copyOf(names, size));
    }

    /** {@code dict_keys_inorder(dict, 0)}: each name at its index (the indexes must be 0 to size - 1). */
    public List<String> namesByIndex() {
        return namesByIndex(0);
    }

    /** {@code dict_keys_inorder(dict, offset)}: each name at its index minus {@code offset} (the indexes must be offset to offset + size - 1). */
    public List<String> namesByIndex(int offset) {
        String[] out = new String[size];
        for (int p = 0; p < size; p++) out[indexes[p] - offset] = names[p];
        return Arrays.asList(out);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int p = 0; p < size; p++) sb.append(p == 0 ? "" : ", ").append(names[p]).append('=').append(indexes[p]);
        return sb.append('}').toString();
    }

    private void init() {
        names = new String[4];
        indexes = new int[4];
        slots = new int[8];
        shift = 32 - 3;
    }

    /** The slot holding {@code name}, or the empty slot where it would go. */
    private int find(String name) {
        int[] sl = slots;
        int mask = sl.length - 1;
        for (int i = (name.hashCode() * 0x9E3779B9) >>> shift;; i = (i + 1) & mask) {
            int p = sl[i] - 1;
            if (p < 0 || names[p].equals(name)) return i;
        }
    }

    private void enter(int slot, String name, int index) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            indexes = Arrays.copyOf(indexes, size * 2);
        }
        names[size] = name;
        indexes[size] = index;
        size++;
        slots[slot] = size;
        if (size * 2 > slots.length) rehash();
    }

    private void rehash() {
        int[] sl = new int[slots.length * 2];
        shift--;
        int mask = sl.length - 1;
        for (int p = 0; p < size; p++) {
            int i = (names[p].hashCode() * 0x9E3779B9) >>> shift;
            while (sl[i] != 0) i = (i + 1) & mask;
            sl[i] = p + 1;
        }
        slots = sl;
    }
}
