package org.jpyc.version;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A CPython minor version as a value: the explicit target of every engine operation.
 *
 * <p>jpyc never consults the host interpreter. Code asks a version what it has
 * ({@code v.has(Feature.EXCEPTION_TABLE)}) instead of comparing numbers; the one place that maps
 * features to versions is {@link Feature}.
 */
public final class PyVersion implements Comparable<PyVersion> {
    public static final PyVersion V2_7 = new PyVersion(2, 7);
    public static final PyVersion V3_9 = new PyVersion(3, 9);
    public static final PyVersion V3_10 = new PyVersion(3, 10);
    public static final PyVersion V3_11 = new PyVersion(3, 11);
    public static final PyVersion V3_12 = new PyVersion(3, 12);
    public static final PyVersion V3_13 = new PyVersion(3, 13);
    public static final PyVersion V3_14 = new PyVersion(3, 14);
    public static final PyVersion V3_15 = new PyVersion(3, 15);

    /** The versions jpyc writes byte-identical output for (3.9 is read-only). */
    public static final List<PyVersion> TARGETS = List.of(V3_10, V3_11, V3_12, V3_13, V3_14, V3_15);

    private final int major;
    private final int minor;
    /** {@code major * 100 + minor}: the version as one number, in version order ({@link Feature#in} compares it). */
    final int number;

    private PyVersion(int major, int minor) {
        this.major = major;
        this.minor = minor;
        this.number = major * 100 + minor;
    }

    public static PyVersion of(int major, int minor) {
        if (major == 2 && minor == 7) return V2_7;
        if (major != 3 || minor < 0 || minor > 99) {
            throw new IllegalArgumentException("unsupported Python version " + major + "." + minor);
        }
        return new PyVersion(major, minor);
    }

    /** Parses {@code "3.12"}, {@code "3.12.1"} or {@code "312"}. */
    public static PyVersion parse(String text) {
        String t = text.trim();
        String[] parts = t.split("\\.");
        try {
            if (parts.length == 1 && t.length() >= 2) {
                return of(Integer.parseInt(t.substring(0, 1)), Integer.parseInt(t.substring(1)));
            }
            if (parts.length >= 2) {
                return of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("not a Python version: '" + text + "' (expected X.Y)");
    }

    /** Parses a comma-separated list such as {@code "3.10,3.12"}. */
    public static List<PyVersion> parseList(String text) {
        List<PyVersion> out = new ArrayList<>();
        for (String p : text.split(",")) {
            if (!p.isBlank()) out.add(parse(p));
        }
        return Collections.unmodifiableList(out);
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    /** Whether this version has the given feature (see {@link Feature} for where each starts and ends). */
    public boolean has(Feature f) {
        return f.in(this);
    }

    /** {@code cpython-312}: the cache tag importlib uses in {@code __pycache__} names. */
    public String cacheTag() {
        return "cpython-" + major + minor;
    }

    public boolean atLeast(int maj, int min) {
        return major > maj || (major == maj && minor >= min);
    }

    @Override
    public int compareTo(PyVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyVersion v && v.major == major && v.minor == minor;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
