package org.jpyc.object;

import java.util.List;

/** A Python {@code dict} ({@code '{'} TYPE_DICT): key/value pairs in marshal order. */
public final class PyDict extends PyObject {
    public record Entry(PyObject key, PyObject value) {}

    private final List<Entry> entries;

    public PyDict(List<Entry> entries) {
        this.entries = entries;
    }

    public List<Entry> entries() {
        return entries;
    }

    @Override
    public String typeName() {
        return "dict";
    }
}
