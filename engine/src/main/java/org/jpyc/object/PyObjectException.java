package org.jpyc.object;

/**
 * A Python-level error raised while computing {@code hash()}, {@code ==} or {@code repr()} of a
 * constant, named after the exception CPython raises in the same situation ({@code TypeError} for
 * an unhashable set item or dict key, {@code ValueError} for an int too long to print,
 * {@code RecursionError} for nesting deeper than any marshal data can hold).
 */
public final class PyObjectException extends RuntimeException {
    private final String pythonType;

    public PyObjectException(String pythonType, String message) {
        super(pythonType + ": " + message);
        this.pythonType = pythonType;
    }

    /** The CPython exception class name, e.g. {@code "TypeError"}. */
    public String pythonType() {
        return pythonType;
    }

    static PyObjectException unhashable(PyObject o) {
        return new PyObjectException("TypeError", "unhashable type: '" + o.typeName() + "'");
    }

    static PyObjectException tooDeep() {
        return new PyObjectException("RecursionError",
                "constant nested deeper than " + PyHash.MAX_DEPTH + " levels");
    }
}
