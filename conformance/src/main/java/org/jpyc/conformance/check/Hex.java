package org.jpyc.conformance.check;

/** Hex dumps for mismatch explanations. */
final class Hex {
    private Hex() {}

    static String of(byte[] b, int from, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < Math.min(b.length, from + len); i++) {
            if (i > from) sb.append(' ');
            sb.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return sb.toString();
    }

    /** {@code offset: hex} lines for {@code [from, from+len)}, the byte at {@code mark} bracketed. */
    static String window(byte[] b, int from, int len, int mark) {
        StringBuilder sb = new StringBuilder();
        for (int row = from; row < Math.min(b.length, from + len); row += 16) {
            sb.append(String.format("  %08x:", row));
            for (int i = row; i < Math.min(b.length, Math.min(row + 16, from + len)); i++) {
                String h = of(b, i, 1);
                sb.append(i == mark ? "[" + h + "]" : " " + h + " ");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
