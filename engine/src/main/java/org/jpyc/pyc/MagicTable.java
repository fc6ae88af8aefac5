package org.jpyc.pyc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jpyc.version.PyVersion;

/** Loads {@code magic.tsv} (written by {@code tools/gen_magic.py}) once. */
final class MagicTable {
    private static final String RESOURCE = "magic.tsv";
    /** 1.x/2.x magic numbers are five-digit, 3.x ones four-digit: two separate number lines. */
    private static final int PY2_LINE = 20000;

    private static volatile MagicTable instance;

    private final List<Magic.Entry> entries;
    /** minor ("3.11") -> lowest magic number of that minor (listed or announced). */
    private final Map<String, Integer> lowest = new HashMap<>();
    /** minor -> highest listed / defined magic number. */
    private final Map<String, Integer> highest = new HashMap<>();
    /** minor -> the magic number its interpreter defines. */
    private final Map<String, Integer> current = new HashMap<>();
    private final Set<String> prerelease = new HashSet<>();
    /** lower bound -> minor, per number line. */
    private final TreeMap<Integer, String> starts = new TreeMap<>();

    static MagicTable get() {
        MagicTable t = instance;
        if (t == null) {
            synchronized (MagicTable.class) {
                if (instance == null) instance = load();
                t = instance;
            }
        }
        return t;
    }

    private MagicTable(List<Magic.Entry> entries) {
        this.entries = Collections.unmodifiableList(entries);
    }

    private static MagicTable load() {
        List<Magic.Entry> entries = new ArrayList<>();
        List<String[]> other = new ArrayList<>();
        try (InputStream in = MagicTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource org/jpyc/pyc/" + RESOURCE);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length != 5) throw new IllegalStateException("bad row in " + RESOURCE + ": " + line);
                if (f[0].equals("entry")) {
                    entries.add(new Magic.Entry(Integer.parseInt(f[1]), f[2], f[3], f[4]));
                } else {
                    other.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MagicTable t = new MagicTable(entries);
        for (Magic.Entry e : entries) t.widen(e.minor(), e.number());
        for (String[] f : other) {
            int n = Integer.parseInt(f[1]);
            switch (f[0]) {
                case "start" -> t.lowest.merge(f[2], n, Math::min);
                case "current" -> {
                    t.current.put(f[2], n);
                    t.widen(f[2], n);
                    if (f[3].equals("prerelease")) t.prerelease.add(f[2]); else t.prerelease.remove(f[2]);
                }
                default -> throw new IllegalStateException("bad row kind in " + RESOURCE + ": " + f[0]);
            }
        }
        t.lowest.forEach((minor, n) -> t.starts.put(n, minor));
        return t;
    }

    private void widen(String minor, int n) {
        lowest.merge(minor, n, Math::min);
        highest.merge(minor, n, Math::max);
    }

    List<Magic.Entry> entries() {
        return entries;
    }

    Integer current(PyVersion v) {
        Integer n = current.get(v.toString());
        if (n != null) return n;
        // No interpreter source for v (2.7, 3.0 - 3.9): its last listed magic number, which is
        // the final one when the history of some later minor is known too (e.g. 3.6 -> 3379).
        boolean laterKnown = current.keySet().stream().anyMatch(m -> parse(m) != null && parse(m).compareTo(v) > 0);
        if (!laterKnown) return null;
        Integer max = null;
        for (Magic.Entry e : entries) {
            if (e.minor().equals(v.toString()) && (max == null || e.number() > max)) max = e.number();
        }
        return max;
    }

    private static PyVersion parse(String minor) {
        try {
            String[] p = minor.split("\\.");
            return PyVersion.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
        } catch (IllegalArgumentException e) {
            return null; // 1.x and 2.0 - 2.6: not modelled
        }
    }

    boolean prerelease(PyVersion v) {
        return prerelease.contains(v.toString());
    }

    /** The minor whose range holds {@code n}: the one with the greatest lower bound <= n, on n's number line. */
    PyVersion versionOf(int n) {
        Map.Entry<Integer, String> floor = starts.floorEntry(n);
        if (floor == null || (floor.getKey() < PY2_LINE) != (n < PY2_LINE)) return null;
        String minor = floor.getValue();
        Integer hi = highest.get(minor);
        if (hi == null) return null; // announced only (e.g. "3.16 will start with 3700")
        Map.Entry<Integer, String> next = starts.higherEntry(floor.getKey());
        boolean lastInLine = next == null || (next.getKey() < PY2_LINE) != (n < PY2_LINE);
        if (lastInLine && n > hi) return null;
        return parse(minor);
    }
}
