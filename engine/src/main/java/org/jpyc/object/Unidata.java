package org.jpyc.object;

import org.jpyc.version.PyVersion;

/**
 * Which Unicode database ({@code unicodedata.unidata_version}) each CPython minor version carries. The
 * generated Unicode tables ({@code unicode/printable-*.txt}, {@code unicode/names.txt}) are keyed by it;
 * their banners name the interpreters they were read from, which agree with this list.
 */
final class Unidata {
    /** (CPython minor, unidata) pairs, ascending; versions past the last entry use the last one. */
    private static final String[][] TABLE = {
        {"3.9", "13.0.0"},
        {"3.10", "13.0.0"},
        {"3.11", "14.0.0"},
        {"3.12", "15.0.0"},
        {"3.13", "15.1.0"},
        {"3.14", "16.0.0"},
        {"3.15", "17.0.0"},
    };

    private Unidata() {
    }

    /** The unidata version of {@code version} (the oldest one for versions before the table). */
    static String of(PyVersion version) {
        String best = TABLE[0][1];
        for (String[] row : TABLE) {
            if (PyVersion.parse(row[0]).compareTo(version) <= 0) best = row[1];
        }
        return best;
    }

    /** Orders two unidata version strings numerically. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) return c;
        }
        return 0;
    }
}
