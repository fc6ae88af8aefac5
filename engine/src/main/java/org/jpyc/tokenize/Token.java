package org.jpyc.tokenize;

import java.nio.charset.StandardCharsets;

/**
 * One token as CPython's C tokenizer reports it to the parser: its type, where its text starts and
 * ends in the tokenizer's UTF-8 input ({@code -1} for the zero-width INDENT, DEDENT and ENDMARKER,
 * whose pointers CPython leaves NULL), and its position: 1-based lines, 0-based columns counted in
 * UTF-8 bytes from the start of the line ({@code -1} where CPython has none). A string token that
 * spans lines starts on its first line ({@code first_lineno}).
 *
 * <p>{@code level} is the bracket depth after the token, as the parser sees it.
 */
public record Token(TokenType type, int start, int end, int lineno, int colOffset, int endLineno,
                    int endColOffset, int level, int lineStart, int endLineStart) {

    /** The token's text (empty for zero-width tokens). */
    public String text(byte[] utf8) {
        if (start < 0) return "";
        return new String(utf8, start, end - start, StandardCharsets.UTF_8);
    }

    /** {@link #colOffset()} in characters (code points) of the line, as Python's tokenize module reports it. */
    public int charColOffset(byte[] utf8) {
        return colOffset < 0 ? colOffset : charsBetween(utf8, lineStart, lineStart + colOffset);
    }

    /** {@link #endColOffset()} in characters. */
    public int charEndColOffset(byte[] utf8) {
        return endColOffset < 0 ? endColOffset : charsBetween(utf8, endLineStart, endLineStart + endColOffset);
    }

    /**
     * {@code _PyPegen_byte_offset_to_character_offset(error_line, n)} on a line's UTF-8 bytes: {@code n} is clamped to
     * the line's length + 1 (the terminating NUL then counts as one character), and a character cut off at the end
     * counts as one.
     */
    public static int charsOnLine(byte[] line, int n) {
        int m = Math.min(n, line.length + 1);
        return charsBetween(line, 0, Math.min(m, line.length)) + (m > line.length ? 1 : 0);
    }

    /** Code points (UTF-8 lead bytes; invalid bytes count one each) in {@code [from, to)}. */
    static int charsBetween(byte[] b, int from, int to) {
        int n = 0;
        for (int i = from; i < to && i < b.length; i++) {
            if ((b[i] & 0xC0) != 0x80) n++;
        }
        return n;
    }
}
