package org.jpyc.source;

/**
 * UTF-8 validation as CPython's tokenizer does it ({@code valid_utf8} in Parser/tokenizer): shortest
 * forms only, no surrogates (ED A0..BF), nothing above U+10FFFF.
 */
public final class Utf8 {
    /** {@link #sequenceLength} result: the sequence runs past the end of the input. */
    public static final int TRUNCATED = -1;
    /** {@link #sequenceLength} result: a continuation byte is missing or wrong. */
    public static final int BAD_CONTINUATION = -2;

    private Utf8() {
    }

    /**
     * The length (1-4) of the valid sequence starting at {@code i}; 0 for an invalid start byte,
     * {@link #TRUNCATED} or {@link #BAD_CONTINUATION}.
     */
    static int sequenceLength(byte[] b, int i) {
        return sequenceLength(b, i, b.length);
    }

    /** As {@link #sequenceLength(byte[], int)}, for input that ends at {@code end}. */
    public static int sequenceLength(byte[] b, int i, int end) {
        int c = b[i] & 0xff;
        if (c < 0x80) return 1;
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        if (c < 0xC2) return 0;
        if (c < 0xE0) {
            need = 1;
        } else if (c < 0xF0) {
            need = 2;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c < 0xF5) {
            need = 3;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return 0;
        }
        for (int k = 1; k <= need; k++) {
            if (i + k >= end) return TRUNCATED;
            int d = b[i + k] & 0xff;
            if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xBF)) return BAD_CONTINUATION;
        }
        return need + 1;
    }

    /**
     * For an invalid sequence at {@code i}: how many of its bytes were acceptable before the
     * failure (CPython's decoder reports the bytes {@code [i, i + n)}, at least one).
     */
    static int invalidSpan(byte[] b, int i) {
        int c = b[i] & 0xff;
        if (c < 0xC2 || c >= 0xF5) return 1;
        int need = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        int lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        int hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        int k = 1;
        while (k <= need && i + k < b.length) {
            int d = b[i + k] & 0xff;
            if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xBF)) break;
            k++;
        }
        return k;
    }

    static int decodeAt(byte[] b, int i, int len) {
        int c = b[i] & 0xff;
        return switch (len) {
            case 1 -> c;
            case 2 -> ((c & 0x1F) << 6) | (b[i + 1] & 0x3F);
            case 3 -> ((c & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
            default -> ((c & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6) | (b[i + 3] & 0x3F);
        };
    }

    /** Encodes code points (surrogates as 3-byte sequences, like surrogatepass). */
    static byte[] encode(int[] cps) {
        org.jpyc.util.ByteBuf out = new org.jpyc.util.ByteBuf(cps.length + 16);
        for (int cp : cps) {
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xC0 | (cp >> 6));
                out.write(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                out.write(0xE0 | (cp >> 12));
                out.write(0x80 | ((cp >> 6) & 0x3F));
                out.write(0x80 | (cp & 0x3F));
            } else {
                out.write(0xF0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3F));
                out.write(0x80 | ((cp >> 6) & 0x3F));
                out.write(0x80 | (cp & 0x3F));
            }
        }
        return out.toByteArray();
    }
}
