package org.jpyc.codediff;

/** Two texts in two columns; lines that differ are marked with {@code |} between the columns. */
public final class SideBySide {
    private SideBySide() {}

    /**
     * @param width    the width of each column (longer lines are cut and end in {@code ~})
     * @param maxLines how many lines to show at most
     */
    public static String format(String leftTitle, String left, String rightTitle, String right, int width, int maxLines) {
        String[] l = left.split("\n", -1);
        String[] r = right.split("\n", -1);
        int n = Math.max(l.length, r.length);
        if (n > 0 && (l.length < 2 || l[l.length - 1].isEmpty()) && (r.length < 2 || r[r.length - 1].isEmpty())
                && left.endsWith("\n") && right.endsWith("\n")) {
            n--; // both end in a newline: no empty last row
        }
        StringBuilder sb = new StringBuilder();
        sb.append(pad(leftTitle, width)).append("   ").append(rightTitle).append('\n');
        sb.append("-".repeat(width)).append("   ").append("-".repeat(width)).append('\n');
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
