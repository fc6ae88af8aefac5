package org.jpyc.object;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The code point a {@code \N{name}} escape names, under the Unicode database of a given CPython, as
 * the C API {@code getcode} of its {@code unicodedata} module answers it (with named sequences refused):
 * <ol>
 *   <li>a name starting with {@code "HANGUL SYLLABLE "} (case-sensitive) is composed from the jamo short
 *       names, taking the longest match of each of the L, V and T columns in turn; nothing else may
 *       follow;</li>
 *   <li>a name starting with {@code "CJK UNIFIED IDEOGRAPH-"} (case-sensitive) must go on with four or
 *       five uppercase hex digits naming a unified ideograph of that database;</li>
 *   <li>any other name is matched, ASCII letters upper-cased, against the character names and the name
 *       aliases of that database.</li>
 * </ol>
 * From 3.15 ({@link Feature#UNICODE_NAMES_ALGORITHMIC_ANY_CASE}) the whole name is upper-cased first,
 * and a CJK unified ideograph name, like the other hex-suffixed names, must spell its code point as the
 * database does (no leading zero).
 *
 * <p>The data is the generated resource {@code unicode/names.txt} ({@code tools/gen_unicode_names.py},
 * read from each interpreter's own {@code unicodedata}): one file for all Unicode versions, in sections
 * of what each version added (names never change once assigned). A version's table is built on first
 * use.
 */
public final class UnicodeNames {
    private static final String RESOURCE = "unicode/names.txt";
    private static final String HANGUL_PREFIX = "HANGUL SYLLABLE ";
    private static final String CJK_PREFIX = "CJK UNIFIED IDEOGRAPH-";
    private static final int S_BASE = 0xAC00;
    private static final int V_COUNT = 21;
    private static final int T_COUNT = 28;

    private static final Map<String, UnicodeNames> BY_UNIDATA = new ConcurrentHashMap<>();
    private static volatile List<Section> sections;

    private final Map<String, Integer> names;
    /** Runs named prefix + "%X": prefix, then [start, end] pairs. */
    private final Map<String, List<int[]>> hexNamed;
    private final List<int[]> cjk;
    private final String[][] jamo;

    private UnicodeNames(Map<String, Integer> names, Map<String, List<int[]>> hexNamed, List<int[]> cjk,
            String[][] jamo) {
        this.names = names;
        this.hexNamed = hexNamed;
        this.cjk = cjk;
        this.jamo = jamo;
    }

    /**
     * The code point {@code \N{name}} stands for in a str literal compiled by {@code version}, or -1 when
     * that version reports "unknown Unicode character name".
     */
    public static int codePointOf(PyVersion version, String name) {
        UnicodeNames table = BY_UNIDATA.computeIfAbsent(Unidata.of(version), UnicodeNames::build);
        return version.has(Feature.UNICODE_NAMES_ALGORITHMIC_ANY_CASE) ? table.lookupAnyCase(name) : table.lookup(name);
    }

    /** 3.15: the whole name is upper-cased first, and a CJK name is matched like the other hex-named runs. */
    private int lookupAnyCase(String name) {
        String upper = asciiUpper(name);
        if (upper.startsWith(HANGUL_PREFIX)) return hangul(upper);
        if (upper.startsWith(CJK_PREFIX)) {
            int v = canonicalHex(upper.substring(CJK_PREFIX.length()));
            return v >= 0 && inRuns(cjk, v) ? v : -1;
        }
        return lookupTable(upper);
    }

    /**
     * Every name {@code \N{...}} accepts under {@code version}, spelled as the database spells it (upper
     * case): character names and aliases, the hex-suffixed names of ideograph runs, every CJK unified
     * ideograph and every Hangul syllable. Not in a useful order.
     */
    public static List<String> names(PyVersion version) {
        UnicodeNames t = BY_UNIDATA.computeIfAbsent(Unidata.of(version), UnicodeNames::build);
        List<String> out = new ArrayList<>(t.names.keySet());
        t.hexNamed.forEach((prefix, runs) -> {
            for (int[] r : runs) {
                for (int cp = r[0]; cp <= r[1]; cp++) out.add(prefix + Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT));
            }
        });
        for (int[] r : t.cjk) {
            for (int cp = r[0]; cp <= r[1]; cp++) out.add(CJK_PREFIX + Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT));
        }
        for (String l : t.jamo[0]) {
            for (String v : t.jamo[1]) {
                for (String tt : t.jamo[2]) out.add(HANGUL_PREFIX + l + v + tt);
            }
        }
        return out;
    }

    private int lookup(String name) {
        if (name.startsWith(HANGUL_PREFIX)) return hangul(name);
        if (name.startsWith(CJK_PREFIX)) {
            int n = name.length() - CJK_PREFIX.length();
            if (n != 4 && n != 5) return -1;
            int v = 0;
            for (int i = CJK_PREFIX.length(); i < name.length(); i++) {
                char c = name.charAt(i);
                if (c >= '0' && c <= '9') v = v * 16 + (c - '0');
                else if (c >= 'A' && c <= 'F') v = v * 16 + (c - 'A' + 10);
                else return -1;
            }
            return inRuns(cjk, v) ? v : -1;
        }
        return lookupTable(asciiUpper(name));
    }

    /** An upper-cased name in the table: a character name, an alias, or a name of a hex-named run. */
    private int lookupTable(String upper) {
        Integer cp = names.get(upper);
        if (cp != null) return cp;
        int dash = upper.lastIndexOf('-');
        if (dash < 0) return -1;
        List<int[]> runs = hexNamed.get(upper.substring(0, dash + 1));
        if (runs == null) return -1;
        int v = canonicalHex(upper.substring(dash + 1));
        return v >= 0 && inRuns(runs, v) ? v : -1;
    }

    /** The value of uppercase hex digits spelled as {@code "%X"} spells it (no leading zeros), else -1. */
    private static int canonicalHex(String digits) {
        if (digits.isEmpty() || digits.length() > 6 || digits.charAt(0) == '0') return -1;
        int v = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c >= '0' && c <= '9') v = v * 16 + (c - '0');
            else if (c >= 'A' && c <= 'F') v = v * 16 + (c - 'A' + 10);
            else return -1;
        }
        return v;
    }

    /** {@code find_syllable} over each column in turn: the first longest entry matching at pos. */
    private int hangul(String name) {
        int pos = HANGUL_PREFIX.length();
        int[] index = new int[3];
        for (int col = 0; col < 3; col++) {
            int bestLen = -1;
            int best = -1;
            String[] entries = jamo[col];
            for (int i = 0; i < entries.length; i++) {
                String s = entries[i];
                if (s.length() > bestLen && name.startsWith(s, pos)) {
                    bestLen = s.length();
                    best = i;
                }
            }
            if (best < 0) return -1;
            index[col] = best;
            pos += bestLen;
        }
        if (pos != name.length()) return -1;
        return S_BASE + (index[0] * V_COUNT + index[1]) * T_COUNT + index[2];
    }

    private static boolean inRuns(List<int[]> runs, int v) {
        for (int[] r : runs) {
            if (v >= r[0] && v <= r[1]) return true;
        }
        return false;
    }

    private static String asciiUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                char[] a = s.toCharArray();
                for (int k = i; k < a.length; k++) {
                    if (a[k] >= 'a' && a[k] <= 'z') a[k] -= 'a' - 'A';
                }
                return new String(a);
            }
        }
        return s;
    }

    // ---- the resource ----

    /** The lines of one "@ unidata" section, kept raw until a version needs them. */
    private record Section(String unidata, List<String> lines) {
    }

    private static List<Section> sections() {
        List<Section> s = sections;
        if (s == null) {
            synchronized (UnicodeNames.class) {
                s = sections;
                if (s == null) sections = s = read();
            }
        }
        return s;
    }

    private static List<Section> read() {
        List<Section> out = new ArrayList<>();
        try (InputStream in = UnicodeNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') continue;
                if (line.startsWith("@ ")) out.add(new Section(line.substring(2), new ArrayList<>()));
                else out.get(out.size() - 1).lines().add(line);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + RESOURCE, ex);
        }
        return out;
    }

    private static UnicodeNames build(String unidata) {
        Map<String, Integer> names = new HashMap<>(1 << 17);
        Map<String, List<int[]>> hexNamed = new HashMap<>();
        List<int[]> cjk = new ArrayList<>();
        String[][] jamo = new String[3][];
        boolean any = false;
        for (Section section : sections()) {
            if (Unidata.compare(section.unidata(), unidata) > 0) break;
            any = true;
            int prevCp = -1;
            String prev = "";
            for (String line : section.lines()) {
                char tag = line.charAt(0);
                if (line.length() > 1 && line.charAt(1) == ' ' && "RCAH".indexOf(tag) >= 0) {
                    String[] f = line.split(" ", 4);
                    switch (tag) {
                        case 'R' -> hexNamed.computeIfAbsent(f[3], k -> new ArrayList<>()).add(new int[] {Integer.parseInt(f[1], 16), Integer.parseInt(f[2], 16)});
                        case 'C' -> cjk.add(new int[] {Integer.parseInt(f[1], 16), Integer.parseInt(f[2], 16)});
                        case 'A' -> names.put(line.substring(line.indexOf(' ', 2) + 1), Integer.parseInt(f[1], 16));
                        default -> jamo["LVT".indexOf(f[1].charAt(0))] = line.substring(4).split(",", -1);
                    }
                    continue;
                }
                int s1 = line.indexOf(' ');
                int s2 = line.indexOf(' ', s1 + 1);
                int cp = prevCp + Integer.parseInt(line, 0, s1, 16);
                int keep = Integer.parseInt(line, s1 + 1, s2, 10);
                String name = prev.substring(0, keep) + line.substring(s2 + 1);
                names.put(name, cp);
                prevCp = cp;
                prev = name;
            }
        }
        if (!any || jamo[0] == null) throw new IllegalStateException("no Unicode names for " + unidata + " in " + RESOURCE);
        return new UnicodeNames(names, hexNamed, cjk, jamo);
    }
}
