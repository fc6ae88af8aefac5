package org.jpyc.code;

import java.util.List;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * A code object's line information, whatever format its version stores: {@link Lnotab} (up to
 * 3.9), {@link LineTable310} (3.10) or {@link LocationTable} (3.11+).
 */
public sealed interface LineTable permits Lnotab, LineTable310, LocationTable {
    /** What {@code co_lines()} yields (for 3.9, which has no {@code co_lines}, the ranges its lnotab implies). */
    List<LineRange> lines();

    /**
     * {@code (offset, line)} pairs where a new source line starts, as dis's {@code findlinestarts}
     * of versions up to 3.12 reports them: lines that are {@code None} are skipped, and a line
     * repeated by the next entry is reported once.
     */
    default List<int[]> lineStarts() {
        java.util.ArrayList<int[]> out = new java.util.ArrayList<>();
        Integer last = null;
        for (LineRange r : lines()) {
            if (r.line() != null && !r.line().equals(last)) {
                last = r.line();
                out.add(new int[] {r.start(), r.line()});
            }
        }
        return out;
    }

    /** The line table of {@code code} in {@code version}'s format. */
    static LineTable of(PyCode code, PyVersion version) {
        byte[] table = code.linetable instanceof PyBytes b ? b.value() : new byte[0];
        int codeLength = code.code instanceof PyBytes b ? b.value().length : 0;
        if (version.has(Feature.LOCATION_TABLE)) {
            return new LocationTable(table, code.firstlineno, codeLength, version.has(Feature.CO_LINES_MERGED));
        }
        if (version.has(Feature.LINETABLE_310)) {
            return new LineTable310(table, code.firstlineno, codeLength);
        }
        return new Lnotab(table, code.firstlineno, codeLength);
    }
}
