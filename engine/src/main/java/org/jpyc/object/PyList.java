package org.jpyc.object;

import java.util.List;

/** A Python {@code list} ({@code '['} TYPE_LIST). */
public final class PyList extends PyObject {
    private final List<PyObject> items;

    public PyList(List<PyObject> items) {
        this.items = items;
    }

    public List<PyObject> items() {
        return items;
    }

    @Override
    public String typeName() {
        return "list";
    }
}
