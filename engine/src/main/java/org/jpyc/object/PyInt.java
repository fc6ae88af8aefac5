package org.jpyc.object;

import java.math.BigInteger;

/** A Python {@code int} of any size. */
public final class PyInt extends PyObject {
    /** How marshal stored the value. */
    public enum Form {
        /** {@code 'i'} TYPE_INT: 32-bit signed, little-endian. */
        INT32,
        /** {@code 'I'} TYPE_INT64: 64-bit signed (written by marshal before version 3 on 64-bit builds; read-only). */
        INT64,
        /** {@code 'l'} TYPE_LONG: sign and size, then base-2^15 digits. */
        LONG
    }

    private final BigInteger value;
    private Form form;

    public PyInt(BigInteger value, Form form) {
        this.value = value;
        this.form = form;
    }

    /** An int with the form CPython's marshal would choose for it today. */
    public PyInt(BigInteger value) {
        this(value, value.bitLength() < 32 ? Form.INT32 : Form.LONG);
    }

    public static PyInt of(long v) {
        return new PyInt(BigInteger.valueOf(v));
    }

    public BigInteger value() {
        return value;
    }

    public Form form() {
        return form;
    }

    public void setForm(Form form) {
        this.form = form;
    }

    @Override
    public String typeName() {
        return "int";
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
