package org.jpyc.object;

import java.util.List;

/** A Python {@code tuple}. */
public final class PyTuple extends PyObject {
    private final List<PyObject> items;
    /** Stored as {@code ')'} TYPE_SMALL_TUPLE (uint8 length, version 4) rather than {@code '('}. */
    private boolean small;

    public PyTuple(List<PyObject> items, boolean small) {
        this.items = items;
        this.small = small;
    }

    /** A tuple in the form CPython's marshal (version 4+) chooses: small below 256 items. */
    public PyTuple(List<PyObject> items) {
        this(items, items.size() < 256);
    }

    public List<PyObject> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public PyObject get(int i) {
        return items.get(i);
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
        return "tuple" + items;
    }
}
