package org.jpyc.object;

import org.jpyc.util.ByteBuf;
import java.util.Arrays;

/**
 * A Python {@code str}. The exact bytes marshal stored are kept ({@link #raw()}), in the encoding the
 * {@link Form} implies, so that reading and writing again is the identity even for strings Java
 * cannot represent one-to-one (lone surrogates next to each other).
 */
public final class PyStr extends PyObject {
    /** How marshal stored the string, with the format version that introduced each type code. */
    public enum Form {
        /** {@code 'u'} TYPE_UNICODE: int32 length, UTF-8 with surrogatepass (all versions). */
        UNICODE('u', false, false),
        /** {@code 't'} TYPE_INTERNED: as UNICODE, interned on load (Python 3; in Python 2 it was an interned byte string). */
        INTERNED('t', true, false),
        /** {@code 'a'} TYPE_ASCII: int32 length, ASCII (version 4, Python 3.4). */
        ASCII('a', false, true),
        /** {@code 'A'} TYPE_ASCII_INTERNED (version 4). */
        ASCII_INTERNED('A', true, true),
        /** {@code 'z'} TYPE_SHORT_ASCII: uint8 length, ASCII (version 4). */
        SHORT_ASCII('z', false, true),
        /** {@code 'Z'} TYPE_SHORT_ASCII_INTERNED (version 4). */
        SHORT_ASCII_INTERNED('Z', true, true);

        public final char code;
        public final boolean interned;
        /** Whether the payload is one byte per code point (ASCII/Latin-1) rather than UTF-8. */
        public final boolean oneByte;

        Form(char code, boolean interned, boolean oneByte) {
            this.code = code;
            this.interned = interned;
            this.oneByte = oneByte;
        }
    }

    private final byte[] raw;
    private Form form;
    private int[] codePoints;
    /** See {@link #markFresh()}. */
    private boolean fresh;
    /** See {@link #markRuntimeHeld()}. */
    private boolean runtimeHeld;

    /** A string as marshal stored it: {@code raw} is the payload in the encoding {@code form} implies. */
    public PyStr(byte[] raw, Form form) {
        this.raw = raw;
        this.form = form;
    }

    /** A string from Java text, in the form CPython's marshal (version 4+) chooses for it. */
    public static PyStr of(String s, boolean interned) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 128) return ofOwnCodePoints(codePointsOf(s), interned);
        }
        // ASCII: the payload is the text itself; code points are decoded from it when asked for.
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return new PyStr(b, n < 256
                ? (interned ? Form.SHORT_ASCII_INTERNED : Form.SHORT_ASCII)
                : (interned ? Form.ASCII_INTERNED : Form.ASCII));
    }

    /**
     * A str (not interned) whose text is the ASCII bytes {@code src[from, to)}, which the caller has found to
     * be all below 128: {@link #of} of that text, without making the text first.
     */
    public static PyStr ofAscii(byte[] src, int from, int to) {
        return new PyStr(Arrays.copyOfRange(src, from, to), to - from < 256 ? Form.SHORT_ASCII : Form.ASCII);
    }

    /**
     * A str (not interned) whose text is the UTF-8 bytes {@code src[from, to)}, which the caller has found to
     * hold a byte above 127 and to be valid UTF-8 without encoded surrogates (a literal's body, checked as
     * CPython's decoder checks it): {@link #of} of that text, whose payload is those bytes, without decoding
     * them to code points and encoding them again (the code points are decoded when asked for).
     */
    public static PyStr ofUtf8(byte[] src, int from, int to) {
        return new PyStr(Arrays.copyOfRange(src, from, to), Form.UNICODE);
    }

    /** The code points of Java text, a lone surrogate as itself ({@link String#codePoints()} without its stream). */
    private static int[] codePointsOf(String s) {
        int n = s.length();
        int[] cps = new int[s.codePointCount(0, n)];
        for (int i = 0, k = 0; i < n; k++) {
            int cp = s.codePointAt(i);
            cps[k] = cp;
            i += Character.charCount(cp);
        }
        return cps;
    }

    public static PyStr ofCodePoints(int[] cps, boolean interned) {
        return ofOwnCodePoints(cps.clone(), interned);
    }

    /** {@link #ofCodePoints} of an array no one else holds, which the str keeps as its code points. */
    private static PyStr ofOwnCodePoints(int[] cps, boolean interned) {
        boolean ascii = true;
        for (int cp : cps) {
            if (cp >= 128) {
                ascii = false;
                break;
            }
        }
        PyStr out;
        if (ascii) {
            byte[] b = new byte[cps.length];
            for (int i = 0; i < cps.length; i++) b[i] = (byte) cps[i];
            Form f = b.length < 256
                    ? (interned ? Form.SHORT_ASCII_INTERNED : Form.SHORT_ASCII)
                    : (interned ? Form.ASCII_INTERNED : Form.ASCII);
            out = new PyStr(b, f);
        } else {
            out = new PyStr(encodeSurrogatePass(cps), interned ? Form.INTERNED : Form.UNICODE);
        }
        out.codePoints = cps;
        return out;
    }

    /**
     * A new str with this text, interned, in the form CPython's marshal chooses for it
     * ({@code ofCodePoints(codePoints(), true)}; an ASCII payload is shared, not decoded).
     */
    public PyStr internedCopy() {
        if (form.oneByte && isAscii()) {
            PyStr out = new PyStr(raw, raw.length < 256 ? Form.SHORT_ASCII_INTERNED : Form.ASCII_INTERNED);
            out.codePoints = codePoints;
            return out;
        }
        return ofCodePoints(codePoints(), true);
    }

    /** The payload exactly as stored (do not modify). */
    public byte[] raw() {
        return raw;
    }

    public Form form() {
        return form;
    }

    public void setForm(Form form) {
        this.form = form;
    }

    public boolean interned() {
        return form.interned;
    }

    /**
     * Marks this str as a new object that CPython allocated without asking for the runtime's one-character
     * (or empty) singletons, as {@code PyUnicode_Replace} does ({@code replace} in Objects/unicodeobject.c
     * builds its result with {@code PyUnicode_New}): {@code optimize_format}'s {@code "%%"} to {@code "%"}
     * gives a {@code '%'} that is not the cached {@code '%'}, so it is neither interned nor shared unless the
     * constant cache merges it. Returns this.
     */
    public PyStr markFresh() {
        fresh = true;
        return this;
    }

    /**
     * Marks this str as held by the runtime beyond the compiled code: marshal always flags it ({@code w_ref}: its
     * reference count is never 1). 3.12's statically allocated {@code _Py_STR} literals such as {@code "<module>"}
     * (immortal, not interned: written in the plain form), and 3.10's strings the interpreter had interned before
     * compiling (mortal interned strs live only while someone holds them: the interpreter does). Returns this.
     */
    public PyStr markRuntimeHeld() {
        runtimeHeld = true;
        return this;
    }

    /** Whether {@link #markRuntimeHeld()} was called. */
    public boolean isRuntimeHeld() {
        return runtimeHeld;
    }

    /** Whether {@link #markFresh()} was called: a one-character str that is not the runtime's singleton. */
    public boolean isFresh() {
        return fresh;
    }

    /** The string as Python sees it: one int per code point (lone surrogates included). */
    public int[] codePoints() {
        if (codePoints == null) {
            codePoints = form.oneByte ? latin1(raw) : decodeSurrogatePass(raw);
        }
        return codePoints;
    }

    /** The string as Java text (lone surrogates become lone chars). */
    public String value() {
        int[] cps = codePoints();
        return new String(cps, 0, cps.length);
    }

    public int length() {
        return codePoints().length;
    }

    public boolean isAscii() {
        // in Latin-1 and in UTF-8 alike, a code point >= 128 is stored with a byte >= 0x80
        return org.jpyc.util.AsciiScan.firstNonAscii(raw, 0, raw.length) == raw.length;
    }

    @Override
    public String typeName() {
        return "str";
    }

    @Override
    public String toString() {
        return value();
    }

    /** Same text (code points), whatever the form. */
    public boolean sameText(PyStr o) {
        if (this == o) return true;
        if (textHash() != o.textHash()) return false;
        // payloads of one encoding (both one byte a code point, or both UTF-8) are equal exactly when the texts are
        if (form.oneByte == o.form.oneByte) return Arrays.equals(raw, o.raw);
        byte[] a = textBytes(), b = o.textBytes();
        return Arrays.equals(a, b);
    }

    /** A hash of the text (code points), whatever the form; equal texts hash alike. Cached. */
    public int textHash() {
        int h = textHash;
        if (h == 0) {
            h = org.jpyc.util.ByteHash.of(textBytes());
            if (h == 0) h = 1;
            textHash = h;
        }
        return h;
    }

    private int textHash;

    /**
     * The text as UTF-8 with lone surrogates encoded as themselves (surrogatepass), which is one-to-one
     * with the code points: the payload itself unless it is one-byte with bytes above 0x7F (Latin-1).
     */
    private byte[] textBytes() {
        return form.oneByte && !isAscii() ? encodeSurrogatePass(codePoints()) : raw;
    }

    private static int[] latin1(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xff;
        return out;
    }

    /**
     * Decodes UTF-8 as CPython's {@code surrogatepass} handler does: encoded surrogates
     * (ED A0 80 .. ED BF BF) become lone surrogate code points. Invalid sequences decode each
     * byte as U+FFFD would be wrong for round trips, so they throw.
     */
    public static int[] decodeSurrogatePass(byte[] b) {
        int[] out = new int[b.length];
        int n = decode(b, 0, b.length, out);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * Checks that {@code b[off, off + len)} is UTF-8 that {@link #decodeSurrogatePass} accepts, without
     * decoding it; throws {@link IllegalArgumentException} (offsets relative to {@code off}) otherwise.
     */
    public static void checkSurrogatePass(byte[] b, int off, int len) {
        decode(b, off, off + len, null);
    }

    /** Decodes {@code b[start, end)} into {@code out} (or only checks it if {@code out} is null); returns the count. */
    private static int decode(byte[] b, int start, int end, int[] out) {
        int n = 0;
        int i = start;
        while (i < end) {
            int c = b[i] & 0xff;
            int cp;
            int len;
            if (c < 0x80) {
                if (out != null) out[n] = c;
                n++;
                i++;
                continue;
            } else if (c >= 0xC2 && c < 0xE0) {
                cp = c & 0x1F;
                len = 2;
            } else if (c >= 0xE0 && c < 0xF0) {
                cp = c & 0x0F;
                len = 3;
            } else if (c >= 0xF0 && c < 0xF5) {
                cp = c & 0x07;
                len = 4;
            } else {
                throw new IllegalArgumentException("invalid UTF-8 start byte 0x" + Integer.toHexString(c) + " at " + (i - start));
            }
            if (i + len > end) throw new IllegalArgumentException("truncated UTF-8 sequence at " + (i - start));
            for (int k = 1; k < len; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xC0) != 0x80) throw new IllegalArgumentException("invalid UTF-8 continuation at " + (i + k - start));
                cp = (cp << 6) | (cc & 0x3F);
            }
            if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
                throw new IllegalArgumentException("overlong or out-of-range UTF-8 at " + (i - start));
            }
            if (out != null) out[n] = cp;
            n++;
            i += len;
        }
        return n;
    }

    /** Encodes code points as UTF-8, surrogates included (CPython's {@code surrogatepass}). */
    public static byte[] encodeSurrogatePass(int[] cps) {
        ByteBuf o = new ByteBuf(cps.length + 8);
        for (int cp : cps) {
            if (cp < 0x80) {
                o.write(cp);
            } else if (cp < 0x800) {
                o.write(0xC0 | (cp >> 6));
                o.write(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                o.write(0xE0 | (cp >> 12));
                o.write(0x80 | ((cp >> 6) & 0x3F));
                o.write(0x80 | (cp & 0x3F));
            } else {
                o.write(0xF0 | (cp >> 18));
                o.write(0x80 | ((cp >> 12) & 0x3F));
                o.write(0x80 | ((cp >> 6) & 0x3F));
                o.write(0x80 | (cp & 0x3F));
            }
        }
        return o.toByteArray();
    }
}
