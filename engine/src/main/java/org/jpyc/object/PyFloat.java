package org.jpyc.object;

/** A Python {@code float}. */
public final class PyFloat extends PyObject {
    private final double value;
    /** For the text form {@code 'f'} (TYPE_FLOAT, marshal versions 0 and 1): the digits as written; else null. */
    private final String text;

    /** A binary float ({@code 'g'} TYPE_BINARY_FLOAT, marshal version 2 and later). */
    public PyFloat(double value) {
        this(value, null);
    }

    public PyFloat(double value, String text) {
        this.value = value;
        this.text = text;
    }

    public double value() {
        return value;
    }

    /** The text marshal stored for a TYPE_FLOAT; null when stored in binary. */
    public String text() {
        return text;
    }

    public boolean isBinary() {
        return text == null;
    }

    @Override
    public String typeName() {
        return "float";
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
