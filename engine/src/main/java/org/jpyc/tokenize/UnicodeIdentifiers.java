package org.jpyc.tokenize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jpyc.object.PyRepr;
import org.jpyc.object.PyStr;
import org.jpyc.version.PyVersion;

/**
 * Which code points may start or continue an identifier (PEP 3131: XID_Start and {@code _},
 * XID_Continue) in one CPython version's Unicode database, and whether a code point is printable
 * (for the tokenizer's "invalid character" versus "invalid non-printable character" messages).
 *
 * <p>The identifier tables are generated resources, {@code unicode/xid-3.X.txt}, written by
 * {@code tools/gen_unicode_identifiers.py} under each CPython; a version without its own table uses
 * the newest older one. Printability comes from {@link PyRepr}'s per-version tables.
 */
final class UnicodeIdentifiers {
    private final PyVersion version;
    private final String resource;
    /**
     * The runs, read from {@link #resource} on the first non-ASCII identifier character: the tokenizer
     * asks only then, and reading them costs a fresh JVM about 10 ms of CPU.
     */
    private volatile Runs runs;

    /** Sorted, disjoint [low, high] runs of the code points that may start an identifier, then continue one. */
    private record Runs(int[][] start, int[][] cont) {
    }

    private UnicodeIdentifiers(PyVersion version, String resource) {
        this.version = version;
        this.resource = resource;
    }

    static UnicodeIdentifiers forVersion(PyVersion v) {
        UnicodeIdentifiers known = BY_VERSION.get(v);
        if (known != null) return known;
        UnicodeIdentifiers found = lookup(v);
        BY_VERSION.put(v, found);
        return found;
    }

    /** Tables by the version asked for (a resource lookup per tokenizer would cost more than small sources take to tokenize). */
    private static final Map<PyVersion, UnicodeIdentifiers> BY_VERSION = new ConcurrentHashMap<>();

    private static UnicodeIdentifiers lookup(PyVersion v) {
        String best = null;
        for (int minor = v.minor(); minor >= 0 && v.major() == 3; minor--) {
            String name = "unicode/xid-3." + minor + ".txt";
            if (UnicodeIdentifiers.class.getResource(name) != null) {
                best = name;
                break;
            }
        }
        if (best == null) best = "unicode/xid-3.10.txt";
        return new UnicodeIdentifiers(v, best);
    }

    private Runs runs() {
        Runs r = runs;
        if (r == null) runs = r = load(resource);
        return r;
    }

    private static Runs load(String name) {
        int[][] s = new int[2][2048];
        int[][] c = new int[2][2048];
        int ns = 0;
        int nc = 0;
        try (InputStream in = UnicodeIdentifiers.class.getResourceAsStream(name);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') continue;
                String[] f = line.split(" ");
                int a = Integer.parseInt(f[1], 16);
                int b = Integer.parseInt(f[2], 16);
                if (f[0].equals("S")) {
                    s[0][ns] = a;
                    s[1][ns++] = b;
                } else {
                    c[0][nc] = a;
                    c[1][nc++] = b;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Runs(new int[][] {Arrays.copyOf(s[0], ns), Arrays.copyOf(s[1], ns)},
                new int[][] {Arrays.copyOf(c[0], nc), Arrays.copyOf(c[1], nc)});
    }

    boolean isStart(int cp) {
        return in(runs().start(), cp);
    }

    boolean isContinue(int cp) {
        return in(runs().cont(), cp);
    }

    /** {@code str.isprintable()} for one code point in this version. */
    boolean isPrintable(int cp) {
        String r = PyRepr.reprStr(PyStr.ofCodePoints(new int[] {cp}, false), version);
        return r.length() > 2 && r.codePointAt(1) == cp;
    }

    private static boolean in(int[][] runs, int cp) {
        int lo = 0;
        int hi = runs[0].length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (runs[0][mid] <= cp) lo = mid + 1;
            else hi = mid - 1;
        }
        return hi >= 0 && cp <= runs[1][hi];
    }
}
