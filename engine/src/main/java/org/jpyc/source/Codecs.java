package org.jpyc.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decoding with a codec named in a coding cookie, as {@code PyUnicode_Decode(buf, len, name, NULL)}
 * does for the tokenizer: the name is resolved like CPython's {@code encodings} search function
 * (lower case, runs of punctuation collapsed to {@code _}, then {@code encodings.aliases}), and a
 * decode error is reported with the codec's own message.
 *
 * <p>Exact: utf-8, ascii, latin-1 and the error messages of every single-byte table ("charmap")
 * codec. Other text codecs decode through the JDK charset of the same name; their error messages
 * may differ from CPython's.
 */
final class Codecs {
    /** A codec as the registry knows it. */
    record Codec(String module, String name, String kind) {
    }

    private static final Map<String, String> ALIASES = new HashMap<>();
    private static final Map<String, Codec> MODULES = new HashMap<>();

    static {
        for (String[] a : CodecNames.ALIASES) ALIASES.put(a[0], a[1]);
        for (String[] m : CodecNames.MODULES) MODULES.put(m[0], new Codec(m[0], m[1], m[2]));
    }

    private Codecs() {
    }

    /** {@code encodings.normalize_encoding} after the C registry's lower-casing. */
    static String normalize(String name) {
        StringBuilder sb = new StringBuilder();
        boolean punct = false;
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '.') {
                if (punct && sb.length() > 0) sb.append('_');
                if (c < 128) sb.append(c);
                punct = false;
            } else {
                punct = true;
            }
        }
        return sb.toString();
    }

    /** The codec for a name, or null when CPython's registry would raise "unknown encoding". */
    static Codec lookup(String name) {
        String norm = normalize(name);
        String aliased = ALIASES.get(norm);
        if (aliased == null) aliased = ALIASES.get(norm.replace('.', '_'));
        for (String mod : aliased != null ? new String[] {aliased, norm} : new String[] {norm}) {
            if (mod.isEmpty() || mod.contains(".")) continue;
            Codec c = MODULES.get(mod);
            if (c != null) return c;
        }
        return null;
    }

    /**
     * Decodes {@code buf} to code points.
     *
     * @throws PyCompileError with CPython's message (raised before tokenizing) on a decode error
     */
    static int[] decode(Codec codec, byte[] buf) {
        switch (codec.module()) {
            case "utf_8":
                return utf8(buf, 0);
            case "utf_8_sig":
                return utf8(buf, startsWithBom(buf) ? 3 : 0);
            case "latin_1":
                int[] out = new int[buf.length];
                for (int i = 0; i < buf.length; i++) out[i] = buf[i] & 0xff;
                return out;
            case "ascii":
                int[] a = new int[buf.length];
                for (int i = 0; i < buf.length; i++) {
                    if (buf[i] < 0) {
                        throw decodeError("ascii", buf[i], i, "ordinal not in range(128)");
                    }
                    a[i] = buf[i];
                }
                return a;
            default:
                return viaJdk(codec, buf);
        }
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }

    static PyCompileError decodeError(String codec, byte bad, long position, String reason) {
        return PyCompileError.beforeTokenizing(String.format("'%s' codec can't decode byte 0x%02x in position %d: %s",
                codec, bad & 0xff, position, reason), position);
    }

    /** Strict UTF-8 with CPython's error reasons; positions relative to {@code start}. */
    static int[] utf8(byte[] b, int start) {
        int[] out = new int[b.length - start];
        int n = 0;
        int i = start;
        while (i < b.length) {
            int len = Utf8.sequenceLength(b, i);
            if (len <= 0) {
                String reason = len == 0 ? "invalid start byte"
                        : len == Utf8.TRUNCATED ? "unexpected end of data" : "invalid continuation byte";
                int span = Utf8.invalidSpan(b, i);
                if (span > 1) {
                    throw PyCompileError.beforeTokenizing(String.format(
                            "'utf-8' codec can't decode bytes in position %d-%d: %s", i - start, i - start + span - 1, reason), i);
                }
                throw decodeError("utf-8", b[i], i - start, reason);
            }
            out[n++] = Utf8.decodeAt(b, i, len);
            i += len;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int[] viaJdk(Codec codec, byte[] buf) {
        if (codec.kind().equals("binary")) {
            throw new IllegalStateException("binary codec " + codec.name());
        }
        Charset cs = jdkCharset(codec);
        if (cs == null) {
            throw PyCompileError.beforeTokenizing("unknown encoding: " + codec.name(), -1);
        }
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(buf);
        CharBuffer out = CharBuffer.allocate(buf.length * 2 + 16);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int pos = in.position();
            boolean charmap = codec.kind().equals("charmap");
            throw decodeError(charmap ? "charmap" : codec.name(), buf[pos], pos,
                    charmap ? "character maps to <undefined>"
                            : pos + r.length() >= buf.length ? "incomplete multibyte sequence" : "illegal multibyte sequence");
        }
        try {
            r = dec.flush(out);
            if (r.isError()) r.throwException();
        } catch (CharacterCodingException e) {
            throw decodeError(codec.name(), buf[buf.length - 1], buf.length - 1, "incomplete multibyte sequence");
        }
        out.flip();
        return out.toString().codePoints().toArray();
    }

    private static Charset jdkCharset(Codec codec) {
        String[] candidates = {codec.name(), codec.module(), codec.module().replace('_', '-'),
            codec.name().replace("iso8859", "iso-8859"), codec.name().replace("mac-", "x-mac")};
        for (String c : candidates) {
            try {
                if (Charset.isSupported(c)) return Charset.forName(c);
            } catch (IllegalArgumentException e) {
                // not a legal charset name: try the next spelling
            }
        }
        return null;
    }
}
