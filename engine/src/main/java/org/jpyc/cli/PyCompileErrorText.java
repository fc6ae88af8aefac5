package org.jpyc.cli;

import org.jpyc.parse.Parser;
import org.jpyc.source.DecodedSource;
import org.jpyc.source.ProgramText;
import org.jpyc.source.PyCompileError;
import org.jpyc.source.SourceDecoder;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * What {@code py_compile.compile(file, doraise=False)} writes to stderr for a source the compiler
 * rejects ({@code PyCompileError.msg + '\n'}). An exception of type exactly {@code SyntaxError} is
 * printed by {@code traceback.format_exception_only} (file line, the source line, a caret line, then
 * {@code SyntaxError: msg}); any other type, subclasses such as {@code IndentationError} included, as
 * {@code Sorry: TYPE: str(exc)}, where a {@code SyntaxError}'s {@code str} is
 * {@code msg (basename, line N)}.
 */
final class PyCompileErrorText {
    private PyCompileErrorText() {}

    /**
     * @param source   the source bytes (for the line shown under the file line)
     * @param filename the filename compiled into the code (py_compile's {@code dfile or file})
     */
    static String of(PyCompileError e, byte[] source, String filename, PyVersion version) {
        return of(e, source, filename, version, name -> source);
    }

    /**
     * As {@link #of(PyCompileError, byte[], String, PyVersion)} when {@code filename} need not name the
     * source (compileall's {@code -d}/{@code -s}/{@code -p}): a SyntaxError raised after parsing (symtable,
     * future imports, compiler; jpyc gives these no byte offset) gets its line as
     * {@code PyErr_ProgramTextObject} does, from the file {@code filename} names ({@link ProgramText}: at most
     * 999 bytes, decoded as that file declares), and none if that cannot be read; the parser's errors
     * ({@code _PyPegen_raise_error_known_location}) also read that file first, with their columns counted on
     * that line ({@link #asFromFile}), and fall back to the source's line; the tokenizer's own errors always
     * show the source's.
     *
     * @param fileAt the bytes of the file a name names, or null if it cannot be read
     */
    static String of(PyCompileError e, byte[] source, String filename, PyVersion version,
                     java.util.function.Function<String, byte[]> fileAt) {
        byte[] named = filename == null ? null : fileAt.apply(filename);
        e = asFromFile(e, source, named, version);
        String type = e.pythonType();
        boolean syntaxFamily = type.equals("SyntaxError") || type.equals("IndentationError") || type.equals("TabError");
        if (!type.equals("SyntaxError")) {
            return "Sorry: " + type + ": " + (syntaxFamily ? syntaxErrorStr(e, filename) : e.pythonMessage()) + "\n";
        }
        String line;
        if (e.hasLineFromTokenizer() || e.lineno() == null || e.lineno() <= 0) {
            line = lineText(source, e.lineno(), version);
        } else {
            // _PyErr_ProgramDecodedTextObject: the parser's errors decode with the tokenizer's encoding, the
            // compiler's (no byte offset) with none (from 3.13, the file's own)
            boolean parser = e.byteOffset() >= 0;
            String fromFile = named == null ? null
                    : ProgramText.line(named, e.lineno(), parser ? declaredEncoding(source, version) : null, version);
            if (fromFile != null) line = fromFile;
            else line = parser ? lineText(source, e.lineno(), version) : null;
        }
        return formatExceptionOnly(e, line, filename, version) + "\n";
    }

    /**
     * The error {@code compile(source, filename, "exec")} raises when {@code filename} names a file CPython can read
     * ({@code named}, its bytes; null if it cannot): a parser error is counted on the file's line, not the
     * tokenizer's ({@link Parser#parseForCompile(byte[], PyVersion, byte[])}), so the source is parsed again that way.
     * {@code e} is what the library's compiler raised, which cannot know; an error from a later stage (the source
     * parses) stays as it is.
     */
    static PyCompileError asFromFile(PyCompileError e, byte[] source, byte[] named, PyVersion version) {
        if (named == null || !Parser.supports(version)) return e;
        try {
            Parser.parseForCompile(source, version, named);
            return e;
        } catch (PyCompileError fromFile) {
            return fromFile;
        } catch (RuntimeException | StackOverflowError other) {
            return e;
        }
    }

    /** The source's {@code tok->encoding}: the encoding a BOM or coding cookie declares, or null. */
    private static String declaredEncoding(byte[] source, PyVersion version) {
        try {
            DecodedSource d = SourceDecoder.decode(source, version);
            return d.declaresEncoding() ? d.encoding() : null;
        } catch (RuntimeException ex) {
            return null;
        }
    }

    /** {@code SyntaxError.__str__}: {@code msg (basename, line N)}, with what is known. */
    static String syntaxErrorStr(PyCompileError e, String filename) {
        String base = filename == null ? null : filename.substring(filename.lastIndexOf('/') + 1);
        String msg = e.pythonMessage();
        if (base != null && e.lineno() != null) return msg + " (" + base + ", line " + e.lineno() + ")";
        if (base != null) return msg + " (" + base + ")";
        if (e.lineno() != null) return msg + " (line " + e.lineno() + ")";
        return msg;
    }

    /** {@code TracebackException._format_syntax_error} without colour, as {@code version}'s traceback.py prints it. */
    static String formatExceptionOnly(PyCompileError e, String text, String filename, PyVersion version) {
        StringBuilder sb = new StringBuilder();
        if (e.lineno() != null) {
            sb.append("  File \"").append(filename == null ? "<string>" : filename).append("\", line ").append(e.lineno()).append('\n');
        }
        // with a line, CPython's exception also carries the filename; without one (null bytes, raised before
        // tokenizing), it carries neither, so no " (filename)" suffix is printed
        if (text != null) {
            String rtext = stripTrailing(text, "\n");
            String ltext = stripLeading(rtext, " \n\f");
            int spaces = rtext.length() - ltext.length();
            Integer off = e.offset();
            if (off == null) {
                sb.append("    ").append(ltext).append('\n');
            } else {
                int offset = off;
                int endOffset;
                if (!version.has(Feature.SYNTAX_ERROR_CARETS_CLAMPED)) {
                    endOffset = e.endOffset() != null && e.endOffset() != 0 ? e.endOffset() : offset;
                    if (offset == endOffset || endOffset == -1) endOffset = offset + 1;
                } else {
                    if (e.lineno() != null && e.lineno().equals(e.endLineno())) {
                        endOffset = e.endOffset() != null && e.endOffset() != 0 ? e.endOffset() : offset;
                    } else {
                        endOffset = rtext.length() + 1;
                    }
                    int len = text.length();
                    if (!text.isEmpty() && offset > len) offset = rtext.length() + 1;
                    if (!text.isEmpty() && endOffset > len) endOffset = rtext.length() + 1;
                    if (offset >= endOffset || endOffset < 0) endOffset = offset + 1;
                }
                int colno = offset - 1 - spaces;
                int endColno = endOffset - 1 - spaces;
                sb.append("    ").append(ltext).append('\n');
                if (colno >= 0) {
                    StringBuilder caret = new StringBuilder("    ");
                    for (int i = 0; i < colno && i < ltext.length(); i++) {
                        char c = ltext.charAt(i);
                        caret.append(Character.isWhitespace(c) ? c : ' ');
                    }
                    caret.append("^".repeat(Math.max(0, endColno - colno)));
                    sb.append(caret).append('\n');
                }
            }
        }
        String msg = e.pythonMessage() == null || e.pythonMessage().isEmpty() ? "<no detail available>" : e.pythonMessage();
        sb.append(e.pythonType()).append(": ").append(msg).append('\n');
        return sb.toString();
    }

    /** Line {@code lineno} (1-based) of the decoded source with its newline, or null. */
    static String lineText(byte[] source, Integer lineno, PyVersion version) {
        if (lineno == null || lineno < 1) return null;
        String text;
        try {
            DecodedSource d = SourceDecoder.decode(source, version);
            text = d.text();
        } catch (RuntimeException ex) {
            text = new String(source, java.nio.charset.StandardCharsets.UTF_8);
        }
        int start = 0;
        for (int line = 1; line < lineno; line++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) return null;
            start = nl + 1;
        }
        if (start >= text.length()) return null;
        int nl = text.indexOf('\n', start);
        return nl < 0 ? text.substring(start) : text.substring(start, nl + 1);
    }

    private static String stripTrailing(String s, String chars) {
        int e = s.length();
        while (e > 0 && chars.indexOf(s.charAt(e - 1)) >= 0) e--;
        return s.substring(0, e);
    }

    private static String stripLeading(String s, String chars) {
        int b = 0;
        while (b < s.length() && chars.indexOf(s.charAt(b)) >= 0) b++;
        return s.substring(b);
    }
}
