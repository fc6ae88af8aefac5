package org.jpyc.object;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jpyc.version.PyVersion;

/**
 * {@code str.isprintable()} of one code point under the Unicode database of a given CPython.
 *
 * <p>The tables are generated resources ({@code unicode/printable-<unidata>.txt}, written by
 * {@code tools/gen_unicode_printable.py} run under each CPython): sorted, inclusive runs of printable
 * code points. Lookup is a binary search over the run starts.
 */
final class UnicodePrintable {
    private static final Map<String, UnicodePrintable> TABLES = new ConcurrentHashMap<>();
    private static final Map<PyVersion, UnicodePrintable> BY_VERSION = new ConcurrentHashMap<>();

    private final int[] starts;
    private final int[] ends;

    private UnicodePrintable(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** The table for {@code version}'s Unicode database. */
    static UnicodePrintable forVersion(PyVersion version) {
        return BY_VERSION.computeIfAbsent(version, UnicodePrintable::lookup);
    }

    private static UnicodePrintable lookup(PyVersion version) {
        String unidata = Unidata.of(version);
        if (resource(unidata) == null) throw new IllegalStateException("no printable table for Unicode " + unidata);
        return TABLES.computeIfAbsent(unidata, UnicodePrintable::load);
    }

    boolean isPrintable(int cp) {
        if (cp >= 0x20 && cp < 0x7f) return true;
        if (cp < 0xa0) return false;
        int lo = 0;
        int hi = starts.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= cp) lo = mid + 1;
            else hi = mid - 1;
        }
        return hi >= 0 && cp <= ends[hi];
    }

    private static String resource(String unidata) {
        String name = "unicode/printable-" + unidata + ".txt";
        return UnicodePrintable.class.getResource(name) != null ? name : null;
    }

    private static UnicodePrintable load(String unidata) {
        String name = resource(unidata);
        int[] s = new int[1024];
        int[] e = new int[1024];
        int n = 0;
        try (InputStream in = UnicodePrintable.class.getResourceAsStream(name);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') continue;
                int sp = line.indexOf(' ');
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                    e = Arrays.copyOf(e, n * 2);
                }
                s[n] = Integer.parseInt(line, 0, sp, 16);
                e[n] = Integer.parseInt(line, sp + 1, line.length(), 16);
                n++;
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + name, ex);
        }
        return new UnicodePrintable(Arrays.copyOf(s, n), Arrays.copyOf(e, n));
    }
}
