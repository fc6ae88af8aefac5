package org.jpyc.source;

import java.util.Arrays;
import org.jpyc.util.AsciiScan;
import org.jpyc.util.LittleEndian;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * Bytes to tokenizer input exactly as CPython's string tokenizer prepares {@code compile(bytes)} /
 * {@code ast.parse(bytes)} input ({@code decode_str} in Parser/tokenizer), in this order:
 * <ol>
 *   <li>a NUL byte anywhere: "source code string cannot contain null bytes", a ValueError until
 *       3.11 and a SyntaxError without position since 3.12 ({@link Feature#NULL_BYTES_SYNTAX_ERROR});</li>
 *   <li>universal newlines: {@code \r\n} and lone {@code \r} become {@code \n}; a final {@code \n} is
 *       added unless the input is empty or already ends with one;</li>
 *   <li>a UTF-8 BOM (EF BB BF) is skipped and fixes the encoding to utf-8;</li>
 *   <li>the coding cookie (PEP 263) is looked for on line 1 and, if line 1 holds only blanks or a
 *       comment, on line 2: a comment whose text contains {@code coding:} or {@code coding=}, then
 *       blanks, then a run of {@code [A-Za-z0-9-_.]}; {@code utf-8}/{@code utf_8}/{@code utf-8-*}
 *       and the latin-1 spellings are normalised to {@code utf-8} / {@code iso-8859-1};</li>
 *   <li>with a BOM, a cookie other than utf-8 is "encoding problem: NAME with BOM"; without one, a
 *       cookie other than utf-8 decodes the whole (newline-translated) text with that codec, whose
 *       errors ("unknown encoding: NAME", "'ascii' codec can't decode byte 0xe9 in position 35: ...")
 *       CPython reports with {@code lineno=0, offset=-1};</li>
 *   <li>since 3.14 ({@link Feature#SOURCE_UTF8_CHECKED_UPFRONT}) UTF-8 input is validated here:
 *       "Non-UTF-8 code starting with '\xNN' on line L, but no encoding declared; see
 *       https://peps.python.org/pep-0263/ for details", at the bad byte's character column.</li>
 * </ol>
 */
public final class SourceDecoder {
    private static final String PEP263 = "see https://peps.python.org/pep-0263/ for details";

    private SourceDecoder() {
    }

    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * @throws PyCompileError as CPython would raise it for this version
     */
    public static DecodedSource decode(byte[] source, PyVersion version) {
        boolean cr = false;
        boolean nonAscii = false;
        // where each line ends, for the tokenizer (see DecodedSource#lineEnds), found in the same scan
        int[] lineEnds = new int[Math.max(16, source.length / 32)];
        int lines = 0;
        int n = source.length;
        int i = 0;
        while (i < n) {
            // Eight bytes at a time (little-endian: byte k of the input is bits 8k..8k+7 of w). A byte is
            // "special" if it is at most '\r' (newline, carriage return, NUL among them) or non-ASCII (high bit):
            // (x & 0x7F) + 0x72 has its high bit set exactly when x & 0x7F >= 14, and never carries into the next byte.
            if (i + 8 <= n) {
                long w = LittleEndian.longAt(source, i);
                long atLeast14 = ((w & 0x7F7F7F7F7F7F7F7FL) + 0x7272727272727272L) & HIGH_BITS;
                long special = (~atLeast14 | w) & HIGH_BITS;
                if (special == 0) {
                    i += 8;
                    continue;
                }
                // the bytes equal to '\n': zero bytes of w ^ 0x0A.., found exactly, without carries between bytes
                long t = w ^ 0x0A0A0A0A0A0A0A0AL;
                long newlines = AsciiScan.zeroBytes(t);
                if (special == newlines) {
                    do {
                        if (lines == lineEnds.length) lineEnds = Arrays.copyOf(lineEnds, 2 * lines);
                        lineEnds[lines++] = i + (Long.numberOfTrailingZeros(newlines) >>> 3);
                        newlines &= newlines - 1;
                    } while (newlines != 0);
                    i += 8;
                    continue;
                }
            }
            // a byte at a time: the last bytes, and eight bytes with something else than newlines among the special ones
            int stop = Math.min(n, i + 8);
            for (; i < stop; i++) {
                byte c = source[i];
                // one test for most bytes: '\n', '\r', NUL and the non-ASCII bytes (negative) are all at most '\r'
                if (c > '\r') continue;
                if (c == '\n') {
                    if (lines == lineEnds.length) lineEnds = Arrays.copyOf(lineEnds, 2 * lines);
                    lineEnds[lines++] = i;
                    continue;
                }
                if (c < 0) {
                    nonAscii = true;
                    continue;
                }
                if (c == '\r') cr = true;
                if (c == 0) {
                    String msg = "source code string cannot contain null bytes";
                    if (version.has(Feature.NULL_BYTES_SYNTAX_ERROR)) {
                        throw new PyCompileError("SyntaxError", msg, null, null, null, null, i);
                    }
                    throw new PyCompileError("ValueError", msg, null, null, null, null, i);
                }
            }
        }
        byte[] text = cr ? translateNewlines(source, version.has(Feature.CRLF_AT_END_ADDS_LINE)) : withFinalNewline(source);
        boolean bom = text.length >= 3 && (text[0] & 0xff) == 0xEF && (text[1] & 0xff) == 0xBB && (text[2] & 0xff) == 0xBF;
        int start = bom ? 3 : 0;
        byte[] body = start == 0 ? text : Arrays.copyOfRange(text, start, text.length);

        // Line 1 is checked with its size excluding the newline; line 2 with its size including it.
        int nl0 = indexOf(body, (byte) '\n', 0);
        int nl1 = nl0 < 0 ? -1 : indexOf(body, (byte) '\n', nl0 + 1);
        String cookie = null;
        int cookieLine = 0;
        int cookieLineStart = 0;
        int cookieLineSize = 0;
        if (nl0 >= 0) {
            Spec s1 = codingSpec(body, 0, nl0);
            if (s1.name != null) {
                cookie = s1.name;
                cookieLine = 1;
                cookieLineSize = nl0;
            } else if (s1.onlyComment && nl1 >= 0) {
                Spec s2 = codingSpec(body, nl0 + 1, nl1 - nl0);
                if (s2.name != null) {
                    cookie = s2.name;
                    cookieLine = 2;
                    cookieLineStart = nl0 + 1;
                    cookieLineSize = nl1 - nl0;
                }
            }
        }
        if (cookie != null && !cookie.equals("utf-8")) {
            if (bom) {
                String msg = "encoding problem: " + cookie + " with BOM";
                if (version.has(Feature.SOURCE_UTF8_CHECKED_UPFRONT)) {
                    throw new PyCompileError("SyntaxError", msg, cookieLine, 0, cookieLine, cookieLineSize,
                            start + cookieLineStart);
                }
                throw PyCompileError.beforeTokenizing(msg, start + cookieLineStart);
            }
            Codecs.Codec codec = Codecs.lookup(cookie);
            if (codec == null) {
                throw PyCompileError.beforeTokenizing("unknown encoding: " + cookie, cookieLineStart);
            }
            if (codec.kind().equals("binary")) {
                throw PyCompileError.beforeTokenizing("'" + cookie
                        + "' is not a text encoding; use codecs.decode() to handle arbitrary codecs", cookieLineStart);
            }
            int[] cps = Codecs.decode(codec, body);
            return new DecodedSource(Utf8.encode(cps), cookie, false, cookieLine, null, 0, body);
        }
        if (nonAscii && version.has(Feature.SOURCE_UTF8_CHECKED_UPFRONT)) { // ASCII is UTF-8
            checkUtf8(body, start);
        }
        if (cr || start != 0) {
            lineEnds = null; // the bytes moved: the tokenizer finds the lines itself
        } else if (body != source) {
            // withFinalNewline's added newline
            if (lines == lineEnds.length) lineEnds = Arrays.copyOf(lineEnds, lines + 1);
            lineEnds[lines++] = source.length;
        }
        return new DecodedSource(body, "utf-8", bom, cookieLine, lineEnds, lines);
    }

    /**
     * {@link #translateNewlines} of a source without {@code \r}: the source itself when it is empty or ends
     * with a newline (nothing here writes into a source's bytes), else a copy with one added.
     */
    static byte[] withFinalNewline(byte[] s) {
        if (s.length == 0 || s[s.length - 1] == '\n') return s;
        byte[] out = Arrays.copyOf(s, s.length + 1);
        out[s.length] = '\n';
        return out;
    }

    /** {@code \r\n} and {@code \r} to {@code \n}; a final newline added to non-empty input, and (up to 3.11,
     *  {@code crlfAtEndAddsLine}) to input ending in {@code \r\n}. */
    static byte[] translateNewlines(byte[] s, boolean crlfAtEndAddsLine) {
        byte[] out = new byte[s.length + 1];
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            byte c = s[i];
            if (c == '\r') {
                out[n++] = '\n';
                if (i + 1 < s.length && s[i + 1] == '\n') i++;
            } else {
                out[n++] = c;
            }
        }
        if ((n > 0 && out[n - 1] != '\n') || (crlfAtEndAddsLine && s.length >= 2 && s[s.length - 2] == '\r' && s[s.length - 1] == '\n')) {
            out[n++] = '\n';
        }
        return Arrays.copyOf(out, n);
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == c) return i;
        return -1;
    }

    private record Spec(String name, boolean onlyComment) {
    }

    /** {@code get_coding_spec} + the "line holds only a comment" test of {@code check_coding_spec}. */
    private static Spec codingSpec(byte[] b, int start, int size) {
        String name = null;
        int i = 0;
        boolean code = false;
        for (; i < size - 6; i++) {
            byte c = b[start + i];
            if (c == '#') break;
            if (c != ' ' && c != '\t' && c != '\f') {
                code = true;
                break;
            }
        }
        if (!code) {
            for (; i < size - 6; i++) {
                int t = start + i;
                if (b[t] == 'c' && b[t + 1] == 'o' && b[t + 2] == 'd' && b[t + 3] == 'i' && b[t + 4] == 'n' && b[t + 5] == 'g') {
                    t += 6;
                    if (b[t] != ':' && b[t] != '=') continue;
                    do {
                        t++;
                    } while (t < b.length && (b[t] == ' ' || b[t] == '\t'));
                    int begin = t;
                    while (t < b.length && (isAsciiAlnum(b[t]) || b[t] == '-' || b[t] == '_' || b[t] == '.')) t++;
                    if (begin < t) {
                        name = normalName(new String(b, begin, t - begin, java.nio.charset.StandardCharsets.ISO_8859_1));
                        break;
                    }
                }
            }
        }
        if (name != null) return new Spec(name, false);
        boolean onlyComment = true;
        for (int k = 0; k < size; k++) {
            byte c = b[start + k];
            if (c == '#' || c == '\n' || c == '\r') break;
            if (c != ' ' && c != '\t' && c != '\f') {
                onlyComment = false;
                break;
            }
        }
        return new Spec(null, onlyComment);
    }

    private static boolean isAsciiAlnum(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** {@code get_normal_name}: the first 12 characters, lower case, {@code _} as {@code -}. */
    static String normalName(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 12; i++) {
            char c = s.charAt(i);
            sb.append(c == '_' ? '-' : Character.toLowerCase(c));
        }
        String buf = sb.toString();
        if (buf.equals("utf-8") || buf.startsWith("utf-8-")) return "utf-8";
        if (buf.equals("latin-1") || buf.equals("iso-8859-1") || buf.equals("iso-latin-1")
                || buf.startsWith("latin-1-") || buf.startsWith("iso-8859-1-") || buf.startsWith("iso-latin-1-")) {
            return "iso-8859-1";
        }
        return s;
    }

    /** 3.14+: the first invalid UTF-8 sequence is a SyntaxError at its line and character column. */
    private static void checkUtf8(byte[] b, int bomLength) {
        int n = b.length;
        int i = 0;
        while ((i = AsciiScan.firstNonAscii(b, i, n)) < n) { // ASCII is most of any source
            int len = Utf8.sequenceLength(b, i);
            if (len <= 0) throw nonUtf8(b, i, bomLength);
            i += len;
        }
    }

    /** The error for the invalid sequence at {@code at}: its line, and its column in characters (each valid sequence before it one). */
    private static PyCompileError nonUtf8(byte[] b, int at, int bomLength) {
        int line = 1;
        int col = 0;
        for (int i = 0; i < at; ) {
            if (b[i] == '\n') {
                line++;
                col = 0;
                i++;
            } else {
                col++;
                i += Utf8.sequenceLength(b, i);
            }
        }
        String msg = String.format("Non-UTF-8 code starting with '\\x%02x' on line %d, but no encoding declared; %s",
                b[at] & 0xff, line, PEP263);
        return new PyCompileError("SyntaxError", msg, line, col + 1, line, col + 1, at + bomLength);
    }
}
