package org.jpyc.source;

import org.jpyc.object.PyRepr;
import org.jpyc.object.PyStr;
import org.jpyc.version.PyVersion;

/**
 * An error CPython raises while turning source into an AST: its Python exception type
 * ({@code SyntaxError}, {@code IndentationError}, {@code TabError}, {@code ValueError}), its message,
 * and its position as the exception carries it ({@code lineno}, 1-based {@code offset} in
 * characters, {@code end_lineno}, {@code end_offset}; each may be absent, and CPython uses
 * {@code lineno=0, offset=-1} for errors raised before tokenizing starts).
 *
 * <p>{@link #byteOffset()} is where in the input bytes jpyc detected the problem (-1 if not tied to
 * one place).
 */
public final class PyCompileError extends RuntimeException {
    private final String pythonType;
    private final String pythonMessage;
    private final Integer lineno;
    private final Integer offset;
    private final Integer endLineno;
    private final Integer endOffset;
    private final long byteOffset;
    private boolean lineFromTokenizer;

    public PyCompileError(String pythonType, String message, Integer lineno, Integer offset,
                          Integer endLineno, Integer endOffset, long byteOffset) {
        super(pythonType + ": " + message + (lineno != null ? " (line " + lineno + ", offset " + offset + ")" : "")
                + (byteOffset >= 0 ? " at byte " + byteOffset : ""));
        this.pythonType = pythonType;
        this.pythonMessage = message;
        this.lineno = lineno;
        this.offset = offset;
        this.endLineno = endLineno;
        this.endOffset = endOffset;
        this.byteOffset = byteOffset;
    }

    /**
     * Marks an error the tokenizer raises itself ({@code _PyTokenizer_syntaxerror}): its text is the
     * tokenizer's line, where the parser's errors first read the line from the file the filename names.
     */
    public PyCompileError lineFromTokenizer() {
        lineFromTokenizer = true;
        return this;
    }

    /** Whether {@link #lineFromTokenizer()} marked this error. */
    public boolean hasLineFromTokenizer() {
        return lineFromTokenizer;
    }

    /** A SyntaxError raised before tokenizing (CPython reports {@code lineno=0, offset=-1}). */
    static PyCompileError beforeTokenizing(String message, long byteOffset) {
        return new PyCompileError("SyntaxError", message, 0, -1, null, null, byteOffset);
    }

    /** {@code SyntaxError}, {@code IndentationError}, {@code TabError}, {@code ValueError}, ... */
    public String pythonType() {
        return pythonType;
    }

    /** The exception's {@code msg} (for ValueError, its {@code str()}). */
    public String pythonMessage() {
        return pythonMessage;
    }

    public Integer lineno() {
        return lineno;
    }

    public Integer offset() {
        return offset;
    }

    public Integer endLineno() {
        return endLineno;
    }

    public Integer endOffset() {
        return endOffset;
    }

    /** Offset in the input bytes where the problem was found, or -1. */
    public long byteOffset() {
        return byteOffset;
    }

    /**
     * The one line jpyc prints for this error (the {@code ast}, {@code tokenize} commands and the
     * conformance checks): {@link #pythonLine(String, String, Integer, Integer, Integer, Integer, PyVersion)}.
     */
    public String pythonLine(PyVersion version) {
        return pythonLine(pythonType, pythonMessage, lineno, offset, endLineno, endOffset, version);
    }

    /** Whether exceptions of this type carry positions ({@code SyntaxError} and its subclasses). */
    public static boolean hasPositions(String pythonType) {
        return pythonType.equals("SyntaxError") || pythonType.equals("IndentationError") || pythonType.equals("TabError");
    }

    /**
     * An error as one line: a {@code SyntaxError} (or {@code IndentationError}, {@code TabError}) as
     * {@code Type(<repr of msg>, lineno=L, offset=O, end_lineno=EL, end_offset=EO)}, absent positions
     * printed as {@code None}; any other type ({@code ValueError} for a NUL byte before 3.12,
     * {@code RecursionError}, ...) has no position attributes and prints as
     * {@code Type(<repr of str(exc)>)}, its {@code repr}. {@code version} selects repr's Unicode database.
     */
    public static String pythonLine(String type, String message, Integer lineno, Integer offset, Integer endLineno,
                                    Integer endOffset, PyVersion version) {
        String msg = PyRepr.reprStr(PyStr.of(message, false), version);
        if (!hasPositions(type)) return type + "(" + msg + ")";
        return type + "(" + msg + ", lineno=" + py(lineno) + ", offset=" + py(offset)
                + ", end_lineno=" + py(endLineno) + ", end_offset=" + py(endOffset) + ")";
    }

    private static String py(Integer i) {
        return i == null ? "None" : i.toString();
    }
}
