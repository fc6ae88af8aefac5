package org.jpyc.object;

import java.util.Arrays;
import java.util.List;

/**
 * A Python {@code tuple}. The items are held in an array, so that walking a graph (the marshal
 * writer, the hash, repr) reaches them in one hop from the tuple; {@link #items()} is a fixed-size
 * list view of that array.
 */
public final class PyTuple extends PyObject {
    private final PyObject[] items;
    /** Stored as {@code ')'} TYPE_SMALL_TUPLE (uint8 length, version 4) rather than {@code '('}. */
    private boolean small;
    /** {@link #items()}, made when first asked for. */
    private List<PyObject> view;

    private PyTuple(PyObject[] items, boolean small) {
        this.items = items;
        this.small = small;
    }

    /** A tuple of the items of {@code items} (copied), stored small or not as {@code small} says. */
    public PyTuple(List<PyObject> items, boolean small) {
        // into an array of the right size: toArray of an empty typed array makes one reflectively, a native call under C1
        this(items.toArray(new PyObject[items.size()]), small);
    }

    /** A tuple in the form CPython's marshal (version 4+) chooses: small below 256 items. */
    public PyTuple(List<PyObject> items) {
        this(items, smallForm(items.size()));
    }

    /**
     * A tuple over {@code fresh} itself, not a copy, in the form {@link #PyTuple(List)} chooses: for a builder
     * that made the array for this tuple and does not keep it (no list, whose copy into a typed array is
     * one more allocation).
     */
    public static PyTuple ofFresh(PyObject[] fresh) {
        return new PyTuple(fresh, smallForm(fresh.length));
    }

    /** Marshal's (version 4+) form for a tuple of {@code n} items: small below 256. */
    private static boolean smallForm(int n) {
        return n < 256;
    }

    /**
     * A tuple over {@code items} itself, not a copy: for a reader that fills the array after making
     * the tuple (a tuple is referable before its items are read). The caller must not keep changing
     * the array once the tuple is complete.
     */
    public static PyTuple over(PyObject[] items, boolean small) {
        return new PyTuple(items, small);
    }

    /** The items, as a fixed-size view of the tuple's array. */
    public List<PyObject> items() {
        List<PyObject> v = view;
        if (v == null) view = v = Arrays.asList(items);
        return v;
    }

    /** The item array itself (do not modify): for walks that go over every item. */
    public PyObject[] array() {
        return items;
    }

    public int size() {
        return items.length;
    }

    public PyObject get(int i) {
        return items[i];
    }

    public boolean small() {
        return small;
    }

    public void setSmall(boolean small) {
        this.small = small;
    }

    @Override
    public String typeName() {
        return "tuple";
    }

    @Override
    public String toString() {
        return "tuple" + items();
    }
}
