package org.jpyc.dis;

import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * How dis lays out one code object's instructions: the columns, their widths, the line-start
 * blank lines and the exception table section. Two layouts exist: {@link OffsetListing} (up to
 * 3.12: offsets and {@code >>} markers) and {@link LabelListing} (3.13+: {@code L1:} labels, no
 * offsets by default).
 */
abstract class Listing {
    /** dis's {@code _OPNAME_WIDTH}. */
    static final int OPNAME_WIDTH = 20;
    /** dis's {@code _OPARG_WIDTH}. */
    static final int OPARG_WIDTH = 5;

    static Listing forVersion(PyVersion v) {
        return v.has(Feature.DIS_LABELS) ? new LabelListing() : new OffsetListing();
    }

    /** Appends what {@code dis.disassemble(code)} prints for one code object. */
    abstract void disassemble(CodeContext c, StringBuilder out);

    static String rjust(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    static String ljust(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String rstrip(String s) {
        int e = s.length();
        while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) e--;
        return s.substring(0, e);
    }
}
