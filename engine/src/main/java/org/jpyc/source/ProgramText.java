package org.jpyc.source;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The line CPython shows for an error in a source that is a file: {@code _PyErr_ProgramDecodedTextObject(filename,
 * lineno, encoding)} (Python/errors.c), which opens the file the filename names and reads it again. pegen takes its
 * {@code error_line} from there for file input whenever that file can be read, and counts the error's columns on it
 * ({@code _PyPegen_raise_error_known_location}); the compiler's own errors show it as {@code SyntaxError.text}.
 *
 * <p>{@code err_programtext} reads the file in text mode through {@code _Py_UniversalNewlineFgetsWithSize} with a
 * 1000-byte buffer, so {@code \r\n} and {@code \r} become {@code \n} and a line comes in pieces of at most 999 bytes.
 * From 3.13 (checked on 3.13.5, 3.14.3 and 3.15.2) the line is its first piece, a UTF-8 BOM is dropped from line 1,
 * and it is decoded with {@code errors='replace'}; up to 3.12 (checked on 3.10.8, 3.11.3 and 3.12.1) the reading goes
 * on to the line's last piece, and the BOM stays. The line keeps its {@code \n}, if it has one; a line past the end
 * of the file gives none (null).
 */
public final class ProgramText {
    private ProgramText() {
    }

    /** {@code sizeof(linebuf)} of {@code err_programtext}: one byte of it is the terminating NUL. */
    private static final int BUFFER = 1000;

    /**
     * Line {@code lineno} (1-based) of the file with these bytes, as {@code _PyErr_ProgramDecodedTextObject} of
     * {@code version} returns it; null if the file has no such line (or, before 3.13, if it cannot be decoded).
     *
     * @param encoding the encoding to decode with, as the tokenizer names it ({@code tok->encoding}: the source's
     *     coding cookie, or {@code utf-8} after a BOM), or null: then from 3.13 the file's own declared encoding
     *     ({@code _PyTokenizer_FindEncodingFilename}), else UTF-8, with {@code errors='replace'}; before 3.13
     *     strict UTF-8 ({@code PyUnicode_FromString}, so a line that is not valid UTF-8 gives none)
     */
    public static String line(byte[] file, int lineno, String encoding, PyVersion version) {
        byte[] piece = rawLine(file, lineno, version);
        if (piece == null) return null;
        boolean modern = version.has(Feature.PROGRAM_TEXT_FIRST_PIECE);
        if (modern && lineno == 1 && piece.length >= 3 && (piece[0] & 0xff) == 0xEF && (piece[1] & 0xff) == 0xBB
                && (piece[2] & 0xff) == 0xBF) {
            piece = Arrays.copyOfRange(piece, 3, piece.length);
        }
        if (!modern) {
            // strlen(linebuf): the line ends at a NUL byte
            for (int i = 0; i < piece.length; i++) {
                if (piece[i] == 0) {
                    piece = Arrays.copyOf(piece, i);
                    break;
                }
            }
            if (encoding == null) return strictUtf8(piece);
        } else if (encoding == null) {
            encoding = declaredEncoding(file, version);
        }
        return decode(piece, encoding);
    }

    /** The encoding a file declares (coding cookie, or BOM), or null: {@code _PyTokenizer_FindEncodingFilename}. */
    private static String declaredEncoding(byte[] file, PyVersion version) {
        try {
            DecodedSource d = SourceDecoder.decode(file, version);
            return d.declaresEncoding() ? d.encoding() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String strictUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The bytes {@code err_programtext} holds for line {@code lineno} when it decodes: the newline-translated piece of
     * the line ({@link #line}), before the BOM is dropped.
     */
    static byte[] rawLine(byte[] file, int lineno, PyVersion version) {
        if (lineno < 1) return null;
        boolean firstPiece = version.has(Feature.PROGRAM_TEXT_FIRST_PIECE);
        Reader r = new Reader(file);
        byte[] piece = null;
        for (int i = 0; i < lineno; ) {
            piece = r.fgets();
            if (piece == null) return null;
            boolean whole = piece.length < BUFFER - 1 || piece[BUFFER - 2] == '\n';
            // Lines before the wanted one are read to their end; the wanted one too before 3.13, which keeps its
            // last piece.
            if (!whole && (i + 1 < lineno || !firstPiece)) continue;
            i++;
        }
        return piece;
    }

    private static String decode(byte[] b, String encoding) {
        if (encoding != null) {
            Codecs.Codec codec = Codecs.lookup(encoding);
            if (codec != null && !codec.module().startsWith("utf_8")) {
                try {
                    int[] cps = Codecs.decode(codec, b);
                    return new String(cps, 0, cps.length);
                } catch (PyCompileError e) {
                    // errors='replace' of a codec other than UTF-8: not modelled; read as UTF-8 below
                }
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code _Py_UniversalNewlineFgetsWithSize(buf, 1000, fp, NULL, &size)} over the file's bytes. */
    private static final class Reader {
        private final byte[] in;
        private int pos;

        Reader(byte[] in) {
            this.in = in;
        }

        /**
         * The next piece (up to 999 bytes, ending at a newline, a {@code \r} read as one), or null at the end of the
         * file. After a {@code \r} the function reads one byte ahead and drops it if it is the {@code \n} of a
         * {@code \r\n}.
         */
        byte[] fgets() {
            byte[] out = new byte[BUFFER - 1];
            int n = 0;
            boolean skipNextLf = false;
            while (n < BUFFER - 1 && pos < in.length) {
                byte c = in[pos++];
                if (c == '\r') {
                    skipNextLf = true;
                    c = '\n';
                }
                out[n++] = c;
                if (c == '\n') break;
            }
            if (skipNextLf && pos < in.length && in[pos] == '\n') pos++;
            if (n == 0) return null;
            return Arrays.copyOf(out, n);
        }
    }
}
