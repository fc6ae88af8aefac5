package org.jpyc.conformance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", UnifiedDiff.diff("a", "x\ny\n", "b", "x\ny\n"));
    }

    @Test
    void oneChangedLineWithContext() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertEquals("--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", UnifiedDiff.diff("a", a, "b", b));
    }

    @Test
    void insertionsAndDeletionsAtTheEnds() {
        assertEquals("--- a\n+++ b\n@@ -1,2 +1,3 @@\n+0\n 1\n 2\n", UnifiedDiff.diff("a", "1\n2\n", "b", "0\n1\n2\n"));
        assertEquals("--- a\n+++ b\n@@ -1,2 +1,1 @@\n 1\n-2\n", UnifiedDiff.diff("a", "1\n2\n", "b", "1\n"));
        assertEquals("--- a\n+++ b\n@@ -0,0 +1,1 @@\n+x\n", UnifiedDiff.diff("a", "", "b", "x\n"));
    }

    /** Applying the diff's - and + lines to the old text must give the new one (random edits). */
    @Test
    void diffsReconstructTheNewText() {
        Random rnd = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<String> a = new ArrayList<>();
            for (int i = 0; i < rnd.nextInt(40); i++) a.add("l" + rnd.nextInt(8));
            List<String> b = new ArrayList<>(a);
            for (int e = 0; e < rnd.nextInt(6); e++) {
                if (!b.isEmpty() && rnd.nextBoolean()) b.remove(rnd.nextInt(b.size()));
                else b.add(b.isEmpty() ? 0 : rnd.nextInt(b.size()), "n" + rnd.nextInt(8));
            }
            String ta = a.isEmpty() ? "" : String.join("\n", a) + "\n";
            String tb = b.isEmpty() ? "" : String.join("\n", b) + "\n";
            String d = UnifiedDiff.diff("a", ta, "b", tb);
            assertEquals(tb, apply(ta, d), "diff:\n" + d);
        }
    }

    private static String apply(String old, String diff) {
        if (diff.isEmpty()) return old;
        List<String> src = old.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(old.split("\n", -1)).subList(0, old.split("\n", -1).length - 1));
        List<String> out = new ArrayList<>();
        int pos = 0;
        for (String line : diff.split("\n")) {
            if (line.startsWith("---") || line.startsWith("+++")) continue;
            if (line.startsWith("@@")) {
                String[] p = line.split(" ");
                int start = Integer.parseInt(p[1].substring(1).split(",")[0]);
                int len = Integer.parseInt(p[1].split(",")[1]);
                int from = len == 0 ? start : start - 1;
                while (pos < from) out.add(src.get(pos++));
                continue;
            }
            char c = line.charAt(0);
            if (c == ' ') {
                assertEquals(src.get(pos), line.substring(1));
                out.add(src.get(pos++));
            } else if (c == '-') {
                assertEquals(src.get(pos), line.substring(1));
                pos++;
            } else if (c == '+') {
                out.add(line.substring(1));
            }
        }
        while (pos < src.size()) out.add(src.get(pos++));
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }

    @Test
    void hugeDifferencesAreSummarised() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3 * UnifiedDiff.MAX_EDITS; i++) {
            a.append("a").append(i).append('\n');
            b.append("b").append(i).append('\n');
        }
        String d = UnifiedDiff.diff("x", a.toString(), "y", b.toString());
        assertTrue(d.contains("texts differ from line 1"), d.substring(0, 200));
    }
}
