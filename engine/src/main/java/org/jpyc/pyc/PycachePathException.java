package org.jpyc.pyc;

/**
 * What importlib's {@code cache_from_source} / {@code source_from_cache} would raise:
 * {@link #pythonType()} is the Python exception class ({@code ValueError}, {@code IndexError})
 * and {@link #getMessage()} is exactly its {@code str()}.
 */
public final class PycachePathException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String pythonType;

    PycachePathException(String pythonType, String message) {
        super(message);
        this.pythonType = pythonType;
    }

    /** The Python exception class name. */
    public String pythonType() {
        return pythonType;
    }

    /** {@code ValueError: message}, as a Python traceback's last line shows it. */
    public String pythonText() {
        return pythonType + ": " + getMessage();
    }
}
