package org.jpyc.object;

import java.util.List;

/**
 * A Python {@code set} ({@code '<'} TYPE_SET) or {@code frozenset} ({@code '>'} TYPE_FROZENSET, marshal
 * version 2). Items are kept in the order marshal stored them; the iteration order of the set
 * CPython builds from them is a separate computation (see {@code org.jpyc.object.SetLayout}).
 */
public final class PySet extends PyObject {
    private final List<PyObject> items;
    private final boolean frozen;

    public PySet(List<PyObject> items, boolean frozen) {
        this.items = items;
        this.frozen = frozen;
    }

    public List<PyObject> items() {
        return items;
    }

    public boolean frozen() {
        return frozen;
    }

    @Override
    public String typeName() {
        return frozen ? "frozenset" : "set";
    }
}
