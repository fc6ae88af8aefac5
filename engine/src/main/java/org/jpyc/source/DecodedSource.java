package org.jpyc.source;

import java.nio.charset.StandardCharsets;

/**
 * Source as CPython's tokenizer sees it after decoding: UTF-8 bytes with {@code \r\n} and
 * {@code \r} turned into {@code \n}, the BOM removed, text in a declared encoding re-encoded as
 * UTF-8, and a final {@code \n} added when missing (exec input). In versions that check UTF-8 only
 * while tokenizing (before 3.14), invalid UTF-8 is kept as it is, for the tokenizer to report.
 */
public final class DecodedSource {
    private final byte[] utf8;
    private final String encoding;
    private final boolean bom;
    private final int cookieLine;
    private final int[] lineEnds;
    private final int lineCount;
    private final byte[] undecoded;

    DecodedSource(byte[] utf8, String encoding, boolean bom, int cookieLine, int[] lineEnds, int lineCount) {
        this(utf8, encoding, bom, cookieLine, lineEnds, lineCount, null);
    }

    DecodedSource(byte[] utf8, String encoding, boolean bom, int cookieLine, int[] lineEnds, int lineCount,
            byte[] undecoded) {
        this.undecoded = undecoded;
        this.utf8 = utf8;
        this.encoding = encoding;
        this.bom = bom;
        this.cookieLine = cookieLine;
        this.lineEnds = lineEnds;
        this.lineCount = lineCount;
    }

    /**
     * Where each line of {@link #utf8} ends: the index of its {@code \n}, the first {@link #lineCount} entries
     * (found as the decoder scanned the bytes); {@code null} when the decoder did not find them (the bytes
     * were translated or re-encoded), for the tokenizer to find the lines itself. Do not modify.
     */
    public int[] lineEnds() {
        return lineEnds;
    }

    /** How many entries of {@link #lineEnds} there are. */
    public int lineCount() {
        return lineCount;
    }

    /**
     * For a source in a declared encoding other than UTF-8, the bytes before they were re-encoded (newlines
     * translated, as {@code tok->str} holds them); null for every other source, whose {@link #utf8} are those
     * bytes. pegen reads an error's line from here when the tokenizer has left that line (do not modify).
     */
    public byte[] undecoded() {
        return undecoded;
    }

    /**
     * Line {@code lineno} (1-based, without its newline) of {@link #undecoded}, decoded as UTF-8 with
     * replacement characters and encoded again, as pegen's {@code get_error_line_from_tokenizer_buffers}
     * gives it for such a source; null when there are no undecoded bytes.
     */
    public byte[] undecodedLineAsUtf8(int lineno) {
        byte[] b = undecoded;
        if (b == null) return null;
        int start = 0;
        for (int i = 1; i < lineno && start < b.length; i++) {
            int nl = start;
            while (nl < b.length && b[nl] != '\n') nl++;
            start = Math.min(nl + 1, b.length);
        }
        int end = start;
        while (end < b.length && b[end] != '\n') end++;
        return new String(b, start, end - start, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes the tokenizer reads (do not modify). */
    public byte[] utf8() {
        return utf8;
    }

    /** The declared encoding as the tokenizer names it ({@code utf-8}, {@code iso-8859-1}, or the cookie's text). */
    public String encoding() {
        return encoding;
    }

    /** Whether the input started with a UTF-8 byte order mark. */
    public boolean hadBom() {
        return bom;
    }

    /**
     * Whether the source names its encoding, by a BOM or a coding cookie: when the tokenizer's
     * {@code tok->encoding} is set for bytes input. (Without either it stays NULL and the source is
     * read as UTF-8.)
     */
    public boolean declaresEncoding() {
        return bom || cookieLine != 0;
    }

    /** The line (1 or 2) of the coding cookie, or 0 if there was none. */
    public int cookieLine() {
        return cookieLine;
    }

    /** The text (invalid UTF-8 replaced by U+FFFD). */
    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
