package org.jpyc.conformance.check;

/** Two texts in two columns, lines that differ marked with {@code |} between them. */
final class SideBySide {
    private SideBySide() {}

    static String format(String leftTitle, String left, String rightTitle, String right, int width, int maxLines) {
        String[] l = left.split("\n", -1);
        String[] r = right.split("\n", -1);
        StringBuilder sb = new StringBuilder();
        sb.append(pad(leftTitle, width)).append("   ").append(rightTitle).append('\n');
        sb.append("-".repeat(width)).append("   ").append("-".repeat(width)).append('\n');
        int n = Math.max(l.length, r.length);
        for (int i = 0; i < Math.min(n, maxLines); i++) {
            String a = i < l.length ? l[i] : "";
            String b = i < r.length ? r[i] : "";
            sb.append(pad(a, width)).append(a.equals(b) ? "   " : " | ").append(b).append('\n');
        }
        if (n > maxLines) sb.append("... ").append(n - maxLines).append(" more lines\n");
        return sb.toString();
    }

    private static String pad(String s, int width) {
        if (s.length() > width) return s.substring(0, width - 1) + "~";
        return s + " ".repeat(width - s.length());
    }
}
