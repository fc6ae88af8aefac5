package org.jpyc.object;

import java.util.List;

/**
 * A Python {@code dict} ({@code '{'} TYPE_DICT) or, from 3.15, {@code frozendict} ({@code '}'}
 * TYPE_FROZENDICT, marshal format 6): key/value pairs in marshal order.
 */
public final class PyDict extends PyObject {
    public record Entry(PyObject key, PyObject value) {}

    private final List<Entry> entries;
    private final boolean frozen;

    public PyDict(List<Entry> entries) {
        this(entries, false);
    }

    public PyDict(List<Entry> entries, boolean frozen) {
        this.entries = entries;
        this.frozen = frozen;
    }

    /** A {@code frozendict} (3.15) rather than a {@code dict}. */
    public boolean frozen() {
        return frozen;
    }

    public List<Entry> entries() {
        return entries;
    }

    @Override
    public String typeName() {
        return frozen ? "frozendict" : "dict";
    }
}
