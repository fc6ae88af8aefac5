package org.jpyc.object;

import java.math.BigInteger;

/**
 * A Python {@code int} of any size. Values that fit in a {@code long} (nearly all of them in compiled
 * code) are kept as a {@code long}; the {@link BigInteger} is made on first use of {@link #value()}.
 */
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

    /** The value when {@link #fits}; 0 otherwise. */
    private final long small;
    /** Whether the value fits in a long. */
    private final boolean fits;
    /** The value as a BigInteger: always set when it does not fit in a long, else made lazily (benign race: immutable). */
    private BigInteger big;
    private Form form;

    public PyInt(BigInteger value, Form form) {
        this.fits = value.bitLength() < 64;
        this.small = fits ? value.longValue() : 0;
        this.big = value;
        this.form = form;
    }

    /** An int held as a long, stored by marshal in {@code form}. */
    public PyInt(long value, Form form) {
        this.fits = true;
        this.small = value;
        this.form = form;
    }

    /** An int with the form CPython's marshal would choose for it today. */
    public PyInt(BigInteger value) {
        this(value, value.bitLength() < 32 ? Form.INT32 : Form.LONG);
    }

    public static PyInt of(long v) {
        return new PyInt(v, v == (int) v ? Form.INT32 : Form.LONG);
    }

    public BigInteger value() {
        BigInteger b = big;
        if (b == null) big = b = BigInteger.valueOf(small);
        return b;
    }

    /** Whether the value fits in a Java {@code long} (then {@link #longValue()} is exact). */
    public boolean fitsLong() {
        return fits;
    }

    /** The value as a long; only exact when {@link #fitsLong()}. */
    public long longValue() {
        if (!fits) throw new ArithmeticException("int does not fit in a long: " + big);
        return small;
    }

    /** The sign of the value (-1, 0 or 1), without making a BigInteger for a value that fits in a long. */
    public int signum() {
        return fits ? Long.signum(small) : big.signum();
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
        return fits ? Long.toString(small) : big.toString();
    }
}
