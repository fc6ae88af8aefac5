package org.jpyc.object;

/** A Python {@code complex}. */
public final class PyComplex extends PyObject {
    private final double real;
    private final double imag;
    /** For the text form {@code 'x'} (TYPE_COMPLEX): the two parts as written; else null. */
    private final String realText;
    private final String imagText;

    /** A binary complex ({@code 'y'} TYPE_BINARY_COMPLEX). */
    public PyComplex(double real, double imag) {
        this(real, imag, null, null);
    }

    public PyComplex(double real, double imag, String realText, String imagText) {
        this.real = real;
        this.imag = imag;
        this.realText = realText;
        this.imagText = imagText;
    }

    public double real() {
        return real;
    }

    public double imag() {
        return imag;
    }

    public String realText() {
        return realText;
    }

    public String imagText() {
        return imagText;
    }

    public boolean isBinary() {
        return realText == null;
    }

    @Override
    public String typeName() {
        return "complex";
    }

    @Override
    public String toString() {
        return "(" + real + "+" + imag + "j)";
    }
}
