package org.jpyc.code;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The 3.10 {@code co_linetable} (PEP 626): pairs of bytes {@code (bytecode delta, line delta)}.
 *
 * <ul>
 *   <li>byte 0: unsigned length in bytes of the range this entry covers (a range is the previous
 *       end to the previous end plus this delta);
 *   <li>byte 1: signed line delta; {@code -128} means "no line number" for the range and leaves
 *       the running line unchanged.
 * </ul>
 * The running line starts at {@code co_firstlineno}. Entries with a zero bytecode delta only move
 * the line (used to split line deltas beyond a signed byte); {@code co_lines()} skips them. Ranges
 * longer than 254 bytes are split into several entries, which {@code co_lines()} yields separately.
 */
public final class LineTable310 implements LineTable {
    private final List<LineRange> lines;

    public LineTable310(byte[] table, int firstLine, int codeLength) {
        if (table.length % 2 != 0) {
            throw new CodeFormatException("co_linetable", table.length - 1, "odd length");
        }
        List<LineRange> out = new ArrayList<>();
        int end = 0;
        int computed = firstLine;
        for (int i = 0; i < table.length; i += 2) {
            int start = end;
            end += table[i] & 0xff;
            int ldelta = table[i + 1];
            Integer line;
            if (ldelta == -128) {
                line = null;
            } else {
                computed += ldelta;
                line = computed;
            }
            if (start != end) out.add(new LineRange(start, end, line));
        }
        this.lines = Collections.unmodifiableList(out);
    }

    @Override
    public List<LineRange> lines() {
        return lines;
    }
}
