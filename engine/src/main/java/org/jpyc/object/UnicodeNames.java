package org.jpyc.object;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
    private static volatile byte[] resource;

    private final NameTable names;
    /** Runs named prefix + "%X": prefix, then [start, end] pairs. */
    private final Map<String, List<int[]>> hexNamed;
    private final List<int[]> cjk;
    private final String[][] jamo;

    private UnicodeNames(NameTable names, Map<String, List<int[]>> hexNamed, List<int[]> cjk,
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
        List<String> out = t.names.keys();
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
        int cp = names.get(upper);
        if (cp >= 0) return cp;
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

    /**
     * The resource's bytes, read once; a version's table is built from them on its first {@code \N{...}}.
     * Being one array, neither the resource nor a built table costs the garbage collector an object per
     * name (a table of Strings took a fresh JVM about 80 ms of CPU to build, and 7 MB of live objects).
     */
    private static byte[] resource() {
        byte[] r = resource;
        if (r == null) {
            synchronized (UnicodeNames.class) {
                r = resource;
                if (r == null) {
                    try (InputStream in = UnicodeNames.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
                        resource = r = in.readAllBytes();
                    } catch (IOException ex) {
                        throw new UncheckedIOException("cannot read " + RESOURCE, ex);
                    }
                }
            }
        }
        return r;
    }

    /**
     * The table of one Unicode database: the sections of the resource up to {@code unidata}'s, in order.
     * A section ("@ unidata" line) lists what that version added: Hangul jamo ("H"), CJK unified
     * ideograph runs ("C"), hex-named runs ("R"), aliases ("A"), then character names front-coded
     * against the section's previous name.
     */
    private static UnicodeNames build(String unidata) {
        byte[] b = resource();
        NameTable names = new NameTable();
        Map<String, List<int[]>> hexNamed = new HashMap<>();
        List<int[]> cjk = new ArrayList<>();
        String[][] jamo = new String[3][];
        boolean any = false;
        boolean inSection = false;
        int prevCp = -1;
        int prevName = -1;
        for (int p = 0, eol; p < b.length; p = eol + 1) {
            eol = p;
            while (eol < b.length && b[eol] != '\n') eol++;
            if (eol == p || b[p] == '#') continue;
            byte tag = b[p];
            boolean tagged = eol - p > 1 && b[p + 1] == ' ';
            if (tagged && tag == '@') {
                if (Unidata.compare(new String(b, p + 2, eol - p - 2, StandardCharsets.US_ASCII), unidata) > 0) break;
                any = inSection = true;
                prevCp = -1;
                prevName = -1;
                continue;
            }
            if (!inSection) throw new IllegalStateException("a line before the first section in " + RESOURCE);
            if (tagged && (tag == 'R' || tag == 'C' || tag == 'A' || tag == 'H')) {
                String line = new String(b, p, eol - p, StandardCharsets.US_ASCII);
                String[] f = line.split(" ", 4);
                switch (tag) {
                    case 'R' -> hexNamed.computeIfAbsent(f[3], x -> new ArrayList<>()).add(new int[] {Integer.parseInt(f[1], 16), Integer.parseInt(f[2], 16)});
                    case 'C' -> cjk.add(new int[] {Integer.parseInt(f[1], 16), Integer.parseInt(f[2], 16)});
                    case 'A' -> {
                        // "A <hex code point> <alias>": the alias straight from the line's bytes
                        int from = p + line.indexOf(' ', 2) + 1;
                        names.put(-1, 0, b, from, eol - from, Integer.parseInt(f[1], 16));
                    }
                    default -> jamo["LVT".indexOf(f[1].charAt(0))] = line.substring(4).split(",", -1);
                }
                continue;
            }
            // "<hex delta from the previous code point> <length of the previous name's prefix kept> <rest of the name>"
            int q = p;
            int delta = 0;
            for (; b[q] != ' '; q++) delta = delta * 16 + Character.digit(b[q], 16);
            int keep = 0;
            for (q++; b[q] != ' '; q++) keep = keep * 10 + (b[q] - '0');
            int cp = prevCp + delta;
            prevName = names.put(prevName, keep, b, q + 1, eol - q - 1, cp);
            prevCp = cp;
        }
        if (!any || jamo[0] == null) throw new IllegalStateException("no Unicode names for " + unidata + " in " + RESOURCE);
        return new UnicodeNames(names, hexNamed, cjk, jamo);
    }

    /**
     * Upper-case ASCII names to code points: the names' bytes end to end in one pool, and an open
     * addressing table of entry numbers (linear probing) keyed by a hash of the bytes. A name put again
     * keeps its entry and takes the new code point.
     */
    private static final class NameTable {
        private byte[] pool = new byte[1 << 20];
        private int poolSize;
        private int[] offsets = new int[1 << 15];
        private int[] lengths = new int[1 << 15];
        private int[] codePoints = new int[1 << 15];
        private int[] hashes = new int[1 << 15];
        private int count;
        /** Entry number + 1 per slot, 0 for an empty slot; at most half full. */
        private int[] slots = new int[1 << 17];

        /**
         * Puts the name made of the first {@code keep} bytes of entry {@code prev}'s name (none when
         * {@code keep} is 0) and then {@code len} bytes of {@code src} from {@code from}; returns its entry.
         */
        int put(int prev, int keep, byte[] src, int from, int len, int cp) {
            int need = poolSize + keep + len;
            if (need > pool.length) pool = Arrays.copyOf(pool, Math.max(need, pool.length * 2));
            int start = poolSize;
            if (keep > 0) System.arraycopy(pool, offsets[prev], pool, start, keep);
            System.arraycopy(src, from, pool, start + keep, len);
            return add(start, keep + len, cp);
        }

        /** The name at pool[start, start + len) just written past the pool's end: a new entry, or an old one updated. */
        private int add(int start, int len, int cp) {
            int h = 0;
            for (int i = 0; i < len; i++) h = 31 * h + pool[start + i];
            int mask = slots.length - 1;
            for (int s = mix(h) & mask; ; s = (s + 1) & mask) {
                int e = slots[s] - 1;
                if (e < 0) break;
                if (hashes[e] == h && lengths[e] == len
                        && Arrays.equals(pool, offsets[e], offsets[e] + len, pool, start, start + len)) {
                    codePoints[e] = cp;
                    return e;
                }
            }
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
                codePoints = Arrays.copyOf(codePoints, count * 2);
                hashes = Arrays.copyOf(hashes, count * 2);
            }
            int e = count++;
            offsets[e] = start;
            lengths[e] = len;
            codePoints[e] = cp;
            hashes[e] = h;
            poolSize = start + len;
            if (count * 2 > slots.length) rehash();
            else insert(e);
            return e;
        }

        private void insert(int e) {
            int mask = slots.length - 1;
            int s = mix(hashes[e]) & mask;
            while (slots[s] != 0) s = (s + 1) & mask;
            slots[s] = e + 1;
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            for (int e = 0; e < count; e++) insert(e);
        }

        /** The code point of an upper-cased name, or -1. */
        int get(String name) {
            int len = name.length();
            int h = 0;
            for (int i = 0; i < len; i++) {
                char c = name.charAt(i);
                if (c >= 0x80) return -1; // every name in the database is ASCII
                h = 31 * h + c;
            }
            int mask = slots.length - 1;
            for (int s = mix(h) & mask; ; s = (s + 1) & mask) {
                int e = slots[s] - 1;
                if (e < 0) return -1;
                if (hashes[e] == h && lengths[e] == len && sameBytes(offsets[e], name)) return codePoints[e];
            }
        }

        private boolean sameBytes(int off, String name) {
            for (int i = 0; i < name.length(); i++) {
                if (pool[off + i] != name.charAt(i)) return false;
            }
            return true;
        }

        private static int mix(int h) {
            return h ^ (h >>> 15) ^ (h >>> 7);
        }

        /** Every name, in no useful order. */
        List<String> keys() {
            List<String> out = new ArrayList<>(count);
            for (int e = 0; e < count; e++) out.add(new String(pool, offsets[e], lengths[e], StandardCharsets.US_ASCII));
            return out;
        }
    }
}
