package org.jpyc.object;

/** A Python {@code slice} constant ({@code ':'} TYPE_SLICE, marshal version 5, CPython 3.14). */
public final class PySlice extends PyObject {
    private final PyObject start;
    private final PyObject stop;
    private final PyObject step;

    public PySlice(PyObject start, PyObject stop, PyObject step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    public PyObject start() {
        return start;
    }

    public PyObject stop() {
        return stop;
    }

    public PyObject step() {
        return step;
    }

    @Override
    public String typeName() {
        return "slice";
    }
}
