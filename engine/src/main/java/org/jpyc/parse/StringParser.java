package org.jpyc.parse;

import org.jpyc.util.AsciiScan;
import org.jpyc.util.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.UnicodeNames;
import org.jpyc.version.PyVersion;

/**
 * String literal bodies to values, as CPython's Parser/string_parser.c does: prefix letters, quotes,
 * then raw text or backslash escapes ({@code \\ \' \" \a \b \f \n \r \t \v}, octal up to three
 * digits, {@code \xhh}, and for str also {@code \\uXXXX}, {@code \\UXXXXXXXX}, {@code \N{name}});
 * an unknown escape keeps its backslash. Errors are {@link Failure}s with CPython's message; the
 * caller places them.
 */
final class StringParser {
    private StringParser() {
    }

    /** A decoding error: the message of CPython's SyntaxError ("(unicode error) ..." and friends). */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** Result of {@link #parse}: the value and whether the literal was bytes. */
    record Literal(PyObject value, boolean bytes) {
    }

    /** A whole STRING token's text (prefix, quotes, body). */
    static Literal parse(String tokenText, PyVersion version) {
        int i = 0;
        boolean bytes = false;
        boolean raw = false;
        while (i < tokenText.length()) {
            char c = tokenText.charAt(i);
            if (c == 'b' || c == 'B') bytes = true;
            else if (c == 'r' || c == 'R') raw = true;
            else if (c == 'u' || c == 'U') {
                // no effect
            } else break;
            i++;
        }
        char q = tokenText.charAt(i);
        int quoteLen = tokenText.length() - i >= 6 && tokenText.charAt(i + 1) == q && tokenText.charAt(i + 2) == q ? 3 : 1;
        String body = tokenText.substring(i + quoteLen, tokenText.length() - quoteLen);
        if (bytes) {
            for (int k = 0; k < body.length(); k++) {
                if (body.charAt(k) >= 0x80) throw new Failure("bytes can only contain ASCII literal characters");
            }
            byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
            return new Literal(new PyBytes(raw ? b : decodeBytes(b)), true);
        }
        return new Literal(raw ? PyStr.of(body, false) : decodeStr(body, version), false);
    }

    /** Whether {@code text}, decoded with its escapes, has a {@code \N} escape (a backslash not itself escaped, then N). */
    static boolean hasNamedEscape(String text) {
        for (int i = text.indexOf('\\'); i >= 0 && i + 1 < text.length(); i = text.indexOf('\\', i + 2)) {
            if (text.charAt(i + 1) == 'N') return true;
        }
        return false;
    }

    /** An f-string part or a plain str body: raw, or with escapes decoded. */
    static PyStr decode(String body, boolean raw, PyVersion version) {
        return raw ? PyStr.of(body, false) : decodeStr(body, version);
    }

    /**
     * Invalid UTF-8 in a literal's body (the tokenizer before 3.14 lets it through): the message of
     * the UTF-8 decoder, positions counted from {@code from}.
     */
    static void checkUtf8(byte[] b, int from, int to) {
        checkUtf8Span(b, from, to);
    }

    /**
     * {@link #checkUtf8} as a str literal's body is decoded: whole when raw or free of backslashes
     * ({@code PyUnicode_DecodeUTF8Stateful}), otherwise one run of non-ASCII bytes at a time
     * ({@code decode_unicode_with_escapes}), positions counted from the run's start.
     */
    static void checkUtf8Literal(byte[] b, int from, int to, boolean raw) {
        boolean escapes = false;
        for (int i = from; i < to && !escapes; i++) escapes = b[i] == '\\';
        checkUtf8Literal(b, from, to, raw, escapes);
    }

    /** {@link #checkUtf8Literal(byte[], int, int, boolean)} where the caller knows whether the body holds a backslash. */
    static void checkUtf8Literal(byte[] b, int from, int to, boolean raw, boolean escapes) {
        if (raw || !escapes) checkUtf8Span(b, from, to);
        else checkUtf8Runs(b, from, to);
    }

    /** {@link #checkUtf8} run by run of non-ASCII bytes ({@code decode_unicode_with_escapes}'s {@code decode_utf8}). */
    static void checkUtf8Runs(byte[] b, int from, int to) {
        int i = from;
        while ((i = AsciiScan.firstNonAscii(b, i, to)) < to) {
            int run = i;
            while (i < to && (b[i] & 0x80) != 0) i++;
            checkUtf8Span(b, run, i);
        }
    }

    private static void checkUtf8Span(byte[] b, int from, int to) {
        int i = from;
        while ((i = AsciiScan.firstNonAscii(b, i, to)) < to) {
            int c = b[i] & 0xff;
            int n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            if (n == 0) throw utf8(c, i - from, "invalid start byte");
            for (int k = 1; k < n; k++) {
                if (i + k >= to) {
                    // the decoder names one byte alone, a longer truncated sequence as a range
                    if (k == 1) throw utf8(c, i - from, "unexpected end of data");
                    throw new Failure("(unicode error) 'utf-8' codec can't decode bytes in position " + (i - from)
                            + "-" + (to - 1 - from) + ": unexpected end of data");
                }
                int d = b[i + k] & 0xff;
                boolean ok = (d & 0xC0) == 0x80;
                if (k == 1) {
                    if (c == 0xE0 && d < 0xA0 || c == 0xED && d > 0x9F || c == 0xF0 && d < 0x90 || c == 0xF4 && d > 0x8F) ok = false;
                }
                if (!ok) {
                    if (k == 1) throw utf8(c, i - from, "invalid continuation byte");
                    throw new Failure("(unicode error) 'utf-8' codec can't decode bytes in position " + (i - from)
                            + "-" + (i + k - 1 - from) + ": invalid continuation byte");
                }
            }
            i += n;
        }
    }

    private static Failure utf8(int c, int pos, String why) {
        return new Failure(String.format("(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s", c, pos, why));
    }

    static PyStr decodeStr(String s, PyVersion version) {
        if (s.indexOf('\\') < 0) return PyStr.of(s, false);
        String ascii = asciiEscapesDecoded(s);
        if (ascii != null) return PyStr.of(ascii, false);
        int[] cps = codePoints(s);
        int[] out = new int[cps.length];
        int n = 0;
        int i = 0;
        while (i < cps.length) {
            int c = cps[i];
            if (c != '\\') {
                out[n++] = c;
                i++;
                continue;
            }
            if (i + 1 >= cps.length) {
                out[n++] = '\\';
                i++;
                continue;
            }
            int e = cps[i + 1];
            int escIdx = i;
            i += 2;
            int simple = simpleEscape(e);
            if (simple >= 0) {
                out[n++] = simple;
                continue;
            }
            try {
                switch (e) {
                    case '\n' -> { }
                    case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                        int v = e - '0';
                        for (int k = 0; k < 2 && i < cps.length && cps[i] >= '0' && cps[i] <= '7'; k++) {
                            v = v * 8 + (cps[i++] - '0');
                        }
                        out[n++] = v;
                    }
                    case 'x' -> {
                        i = hex(cps, i, 2, out, n, "truncated \\xXX escape");
                        n++;
                    }
                    case 'u' -> {
                        i = hex(cps, i, 4, out, n, "truncated \\uXXXX escape");
                        n++;
                    }
                    case 'U' -> {
                        i = hex(cps, i, 8, out, n, "truncated \\UXXXXXXXX escape");
                        // Py_UCS4 is unsigned: eight hex digits may not fit a Java int's positive range
                        if (Integer.compareUnsigned(out[n], 0x10FFFF) > 0) throw unicodeError("illegal Unicode character", i);
                        n++;
                    }
                    case 'N' -> {
                        int close = -1;
                        if (i < cps.length && cps[i] == '{') {
                            for (int k = i + 1; k < cps.length; k++) {
                                if (cps[k] == '}') {
                                    close = k;
                                    break;
                                }
                            }
                        }
                        // The error ends where CPython's scan stopped: after the N without a '{', at the
                        // end of the text without a '}', at the '}' of an empty name.
                        if (i >= cps.length || cps[i] != '{') throw unicodeError("malformed \\N character escape", i);
                        if (close < 0) throw unicodeError("malformed \\N character escape", cps.length);
                        if (close == i + 1) throw unicodeError("malformed \\N character escape", close);
                        String name = new String(cps, i + 1, close - i - 1);
                        int cp = UnicodeNames.codePointOf(version, name);
                        if (cp < 0) throw unicodeError("unknown Unicode character name", close + 1);
                        out[n++] = cp;
                        i = close + 1;
                    }
                    default -> {
                        out[n++] = '\\';
                        out[n++] = e;
                    }
                }
            } catch (BadEscape b) {
                throw placed(b, positions(cps), escIdx);
            }
        }
        return PyStr.ofCodePoints(Arrays.copyOf(out, n), false);
    }

    /**
     * {@link #decodeStr} of the usual escaped text, char by char: ASCII throughout, its escapes line
     * continuations, one-character escapes, invalid ones (kept with their backslash) and octal or
     * hex escapes below 128. {@code null} for any other text (non-ASCII, a 16- or 32-bit hex escape or
     * a named one, a value above 127, an error), which decodeStr decodes by code points.
     */
    private static String asciiEscapesDecoded(String s) {
        int len = s.length();
        char[] out = new char[len];
        int n = 0;
        int i = 0;
        while (i < len) {
            char c = s.charAt(i++);
            if (c >= 128) return null;
            if (c != '\\') {
                out[n++] = c;
                continue;
            }
            if (i == len) return null;
            char e = s.charAt(i++);
            int simple = simpleEscape(e);
            if (simple >= 0) {
                out[n++] = (char) simple;
                continue;
            }
            switch (e) {
                case '\n' -> { }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    for (int k = 0; k < 2 && i < len && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                        v = v * 8 + (s.charAt(i++) - '0');
                    }
                    if (v >= 128) return null;
                    out[n++] = (char) v;
                }
                case 'x' -> {
                    if (i + 2 > len) return null;
                    int hi = asciiHexDigit(s.charAt(i));
                    int lo = asciiHexDigit(s.charAt(i + 1));
                    if (hi < 0 || lo < 0 || hi >= 8) return null;
                    out[n++] = (char) (hi * 16 + lo);
                    i += 2;
                }
                case 'u', 'U', 'N' -> {
                    return null;
                }
                default -> {
                    if (e >= 128) return null;
                    out[n++] = '\\';
                    out[n++] = e;
                }
            }
        }
        return new String(out, 0, n);
    }

    /** The character a one-character escape ({@code \\ \' \" \a \b \f \n \r \t \v}) stands for, or -1 for any other. */
    private static int simpleEscape(int e) {
        return switch (e) {
            case '\\', '\'', '"' -> e;
            case 'a' -> 7;
            case 'b' -> 8;
            case 'f' -> 12;
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 11;
            default -> -1;
        };
    }

    private static int asciiHexDigit(char c) {
        return c >= 128 ? -1 : Character.digit(c, 16);
    }

    /** The code points of {@code s} (a loop: {@code String.codePoints()} is a stream, slow under the batch JVM's C1). */
    private static int[] codePoints(String s) {
        int len = s.length();
        int[] cps = new int[len];
        int m = 0;
        for (int k = 0; k < len; ) {
            int c = s.codePointAt(k);
            cps[m++] = c;
            k += Character.charCount(c);
        }
        return m == len ? cps : Arrays.copyOf(cps, m);
    }

    /**
     * Where each code point starts in the buffer CPython decodes, for error messages: non-ASCII
     * characters are first rewritten as 10-byte \UXXXXXXXX escapes.
     */
    private static int[] positions(int[] cps) {
        int[] pos = new int[cps.length + 1];
        for (int k = 0; k < cps.length; k++) pos[k + 1] = pos[k] + (cps[k] < 0x80 ? 1 : 10);
        return pos;
    }

    private static int hex(int[] cps, int i, int digits, int[] out, int n, String msg) {
        int v = 0;
        for (int k = 0; k < digits; k++) {
            if (i + k >= cps.length || Character.digit(cps[i + k], 16) < 0 || cps[i + k] > 0x7f) {
                throw unicodeError(msg, i + k);
            }
            v = v * 16 + Character.digit(cps[i + k], 16);
        }
        out[n] = v;
        return i + digits;
    }

    /** A bad escape, before its position in the decoded buffer is known. */
    private static final class BadEscape extends RuntimeException {
        final String detail;
        final int endIdx;

        BadEscape(String detail, int endIdx) {
            super(detail, null, false, false);
            this.detail = detail;
            this.endIdx = endIdx;
        }
    }

    private static BadEscape unicodeError(String detail, int endIdx) {
        return new BadEscape(detail, endIdx);
    }

    /** The unicode-escape decoder's message: bytes from the escape's start to before index {@code endIdx}. */
    private static Failure placed(BadEscape b, int[] pos, int startIdx) {
        int start = pos[startIdx];
        int end = pos[Math.min(b.endIdx, pos.length - 1)] - 1;
        String where = end <= start ? "byte 0x5c in position " + start : "bytes in position " + start + "-" + end;
        return new Failure("(unicode error) 'unicodeescape' codec can't decode " + where + ": " + b.detail);
    }

    static byte[] decodeBytes(byte[] s) {
        ByteBuf out = new ByteBuf(s.length);
        int i = 0;
        while (i < s.length) {
            int c = s[i] & 0xff;
            if (c != '\\' || i + 1 >= s.length) {
                out.write(c);
                i++;
                continue;
            }
            int e = s[i + 1] & 0xff;
            i += 2;
            switch (e) {
                case '\n' -> { }
                case '\\' -> out.write('\\');
                case '\'' -> out.write('\'');
                case '"' -> out.write('"');
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    for (int k = 0; k < 2 && i < s.length && s[i] >= '0' && s[i] <= '7'; k++) {
                        v = v * 8 + (s[i++] - '0');
                    }
                    out.write(v & 0xff);
                }
                case 'x' -> {
                    if (i + 1 < s.length && Character.digit(s[i], 16) >= 0 && Character.digit(s[i + 1], 16) >= 0) {
                        out.write(Character.digit(s[i], 16) * 16 + Character.digit(s[i + 1], 16));
                        i += 2;
                    } else {
                        throw new Failure("(value error) invalid \\x escape at position " + (i - 2));
                    }
                }
                default -> {
                    out.write('\\');
                    out.write(e);
                }
            }
        }
        return out.toByteArray();
    }
}
