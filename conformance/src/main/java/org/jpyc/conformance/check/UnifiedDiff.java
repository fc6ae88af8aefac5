package org.jpyc.conformance.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified diff of two texts, by lines: Myers' O((N+M)D) shortest edit script after trimming the
 * common head and tail. Past {@link #MAX_EDITS} differences it stops looking for the shortest
 * script and shows the first differing lines instead, so huge unrelated texts stay cheap.
 */
public final class UnifiedDiff {
    static final int MAX_EDITS = 4000;
    private static final int CONTEXT = 3;

    private enum Op { EQUAL, DELETE, INSERT }

    private record Edit(Op op, int a, int b) {}

    private UnifiedDiff() {}

    /** The diff from {@code expected} to {@code actual}; empty when they are equal. */
    public static String diff(String expectedName, String expected, String actualName, String actual) {
        if (expected.equals(actual)) return "";
        String[] a = lines(expected);
        String[] b = lines(actual);
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) head++;
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head
                && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) tail++;
        String[] ma = Arrays.copyOfRange(a, head, a.length - tail);
        String[] mb = Arrays.copyOfRange(b, head, b.length - tail);
        List<Edit> middle = myers(ma, mb);
        StringBuilder out = new StringBuilder("--- ").append(expectedName).append("\n+++ ").append(actualName).append('\n');
        if (middle == null) {
            out.append("@@ texts differ from line ").append(head + 1).append(" on (more than ").append(MAX_EDITS)
                    .append(" differing lines; first ones shown) @@\n");
            for (int i = 0; i < Math.min(20, ma.length); i++) out.append('-').append(ma[i]).append('\n');
            for (int i = 0; i < Math.min(20, mb.length); i++) out.append('+').append(mb[i]).append('\n');
            return out.toString();
        }
        List<Edit> script = new ArrayList<>();
        for (int i = 0; i < head; i++) script.add(new Edit(Op.EQUAL, i, i));
        for (Edit e : middle) script.add(new Edit(e.op, e.a + head, e.b + head));
        for (int i = 0; i < tail; i++) script.add(new Edit(Op.EQUAL, a.length - tail + i, b.length - tail + i));
        hunks(script, a, b, out);
        return out.toString();
    }

    private static String[] lines(String s) {
        if (s.isEmpty()) return new String[0];
        String t = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        return t.split("\n", -1);
    }

    /** The shortest edit script, or {@code null} when it has more than {@link #MAX_EDITS} edits. */
    private static List<Edit> myers(String[] a, String[] b) {
        int n = a.length;
        int m = b.length;
        int max = Math.min(n + m, MAX_EDITS);
        int off = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>(); // trace.get(d): v after step d-1, for k in [-d, d]
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(Arrays.copyOfRange(v, off - d, off + d + 1));
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[x].equals(b[y])) {
                    x++;
                    y++;
                }
                v[off + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        if (found < 0) return null;
        List<Edit> rev = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] pv = trace.get(d);
            int k = x - y;
            boolean down = k == -d || (k != d && pv[k - 1 + d] < pv[k + 1 + d]);
            int prevK = down ? k + 1 : k - 1;
            int prevX = pv[prevK + d];
            int prevY = prevX - prevK;
            int midX = down ? prevX : prevX + 1;
            int midY = down ? prevY + 1 : prevY;
            while (x > midX && y > midY) {
                x--;
                y--;
                rev.add(new Edit(Op.EQUAL, x, y));
            }
            rev.add(down ? new Edit(Op.INSERT, prevX, prevY) : new Edit(Op.DELETE, prevX, prevY));
            x = prevX;
            y = prevY;
        }
        while (x > 0 && y > 0) {
            x--;
            y--;
            rev.add(new Edit(Op.EQUAL, x, y));
        }
        List<Edit> out = new ArrayList<>(rev.size());
        for (int i = rev.size() - 1; i >= 0; i--) out.add(rev.get(i));
        return out;
    }

    private static void hunks(List<Edit> script, String[] a, String[] b, StringBuilder out) {
        int i = 0;
        while (i < script.size()) {
            while (i < script.size() && script.get(i).op == Op.EQUAL) i++;
            if (i >= script.size()) break;
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < script.size()) {
                if (script.get(end).op != Op.EQUAL) lastChange = end;
                else if (end - lastChange > 2 * CONTEXT) break;
                end++;
            }
            end = Math.min(script.size(), lastChange + CONTEXT + 1);
            int aStart = -1;
            int bStart = -1;
            int aLen = 0;
            int bLen = 0;
            StringBuilder body = new StringBuilder();
            for (int j = start; j < end; j++) {
                Edit e = script.get(j);
                if (aStart < 0) {
                    aStart = e.a;
                    bStart = e.b;
                }
                switch (e.op) {
                    case EQUAL -> {
                        body.append(' ').append(a[e.a]).append('\n');
                        aLen++;
                        bLen++;
                    }
                    case DELETE -> {
                        body.append('-').append(a[e.a]).append('\n');
                        aLen++;
                    }
                    case INSERT -> {
                        body.append('+').append(b[e.b]).append('\n');
                        bLen++;
                    }
                }
            }
            out.append("@@ -").append(aLen == 0 ? aStart : aStart + 1).append(',').append(aLen)
                    .append(" +").append(bLen == 0 ? bStart : bStart + 1).append(',').append(bLen).append(" @@\n")
                    .append(body);
            i = end;
        }
    }
}
