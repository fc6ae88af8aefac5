package org.jpyc.code;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code co_lnotab} (Python 2 .. 3.9): pairs of bytes {@code (bytecode delta, line delta)}.
 *
 * <ul>
 *   <li>byte 0: unsigned bytecode offset increment;
 *   <li>byte 1: line increment, unsigned before 3.6, signed (two's complement) from 3.6.
 * </ul>
 * Large increments are split over several pairs (a pair with a zero bytecode delta only moves the
 * line). Lines start at {@code co_firstlineno}.
 */
public final class Lnotab implements LineTable {
    private final List<LineRange> lines;

    public Lnotab(byte[] table, int firstLine, int codeLength) {
        if (table.length % 2 != 0) {
            throw new CodeFormatException("co_lnotab", table.length - 1, "odd length");
        }
        // The line starts dis (3.9) findlinestarts reports; each range runs to the next start.
        List<int[]> starts = new ArrayList<>();
        Integer lastLine = null;
        int addr = 0;
        int line = firstLine;
        boolean pastEnd = false;
        for (int i = 0; i < table.length && !pastEnd; i += 2) {
            int byteIncr = table[i] & 0xff;
            if (byteIncr != 0) {
                if (lastLine == null || line != lastLine) {
                    starts.add(new int[] {addr, line});
                    lastLine = line;
                }
                addr += byteIncr;
                if (addr >= codeLength) pastEnd = true;
            }
            if (!pastEnd) line += table[i + 1];
        }
        if (!pastEnd && (lastLine == null || line != lastLine)) starts.add(new int[] {addr, line});
        List<LineRange> out = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1)[0] : Math.max(codeLength, starts.get(k)[0]);
            out.add(new LineRange(starts.get(k)[0], end, starts.get(k)[1]));
        }
        this.lines = Collections.unmodifiableList(out);
    }

    @Override
    public List<LineRange> lines() {
        return lines;
    }
}
