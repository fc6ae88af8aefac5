package org.jpyc.code;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The 3.11+ location table ({@code co_linetable}, PEP 657): for every code unit, the source span
 * {@code (line, end line, column, end column)}.
 *
 * <p>A sequence of entries, each covering 1..8 consecutive code units. The first byte of an entry
 * is {@code 1cccclll}: bit 7 set marks an entry start, {@code cccc} is the entry's code and
 * {@code lll} is its length in code units minus one. The running line starts at
 * {@code co_firstlineno}. By code:
 * <ul>
 *   <li>0..9 "short": one more byte {@code hhhhwwww}; same line, column {@code code*8 + hhhh},
 *       end column {@code column + wwww};
 *   <li>10..12 "one line": line moves by {@code code - 10}; then a byte column and a byte end column;
 *   <li>13 "no column": line moves by a signed varint; columns unknown;
 *   <li>14 "long": signed varint line delta, varint end-line delta, varint column + 1 and varint
 *       end column + 1 (0 meaning unknown);
 *   <li>15 "none": no location at all; the running line does not move.
 * </ul>
 * Varints are little-endian groups of 6 bits, bit 6 ({@code 0x40}) meaning "more follows"; a
 * signed varint stores {@code |v| << 1 | sign}. (Unlike the exception table's varints, which are
 * big-endian.)
 */
public final class LocationTable implements LineTable {
    /** One decoded entry: {@code length} code units from {@code startUnit} share {@code positions}. */
    public record Entry(int startUnit, int length, int code, Positions positions) {}

    private final List<Entry> entries;
    private final List<LineRange> lines;

    /**
     * @param mergeLines whether {@code co_lines()} merges consecutive entries of the same line
     *     (3.12+); 3.11 yields one range per entry
     */
    public LocationTable(byte[] table, int firstLine, int codeLength, boolean mergeLines) {
        this.entries = Collections.unmodifiableList(parse(table, firstLine));
        List<LineRange> out = new ArrayList<>();
        for (Entry e : entries) {
            int start = e.startUnit() * 2;
            int end = start + e.length() * 2;
            Integer line = e.positions().line();
            if (mergeLines && !out.isEmpty()) {
                LineRange prev = out.get(out.size() - 1);
                if (java.util.Objects.equals(prev.line(), line)) {
                    out.set(out.size() - 1, new LineRange(prev.start(), end, line));
                    continue;
                }
            }
            out.add(new LineRange(start, end, line));
        }
        this.lines = Collections.unmodifiableList(out);
    }

    private static List<Entry> parse(byte[] t, int firstLine) {
        List<Entry> out = new ArrayList<>();
        int[] pos = {0};
        int line = firstLine;
        int unit = 0;
        while (pos[0] < t.length) {
            int at = pos[0];
            int first = t[pos[0]++] & 0xff;
            if ((first & 0x80) == 0) {
                throw new CodeFormatException("co_linetable", at, "entry does not start with bit 7 set");
            }
            int code = (first >> 3) & 15;
            int length = (first & 7) + 1;
            Positions p;
            if (code == 15) {
                p = Positions.NONE;
            } else if (code == 14) {
                line += readSignedVarint(t, pos);
                int endLine = line + readVarint(t, pos);
                int col = readVarint(t, pos) - 1;
                int endCol = readVarint(t, pos) - 1;
                p = new Positions(line, endLine, col < 0 ? null : col, endCol < 0 ? null : endCol);
            } else if (code == 13) {
                line += readSignedVarint(t, pos);
                p = new Positions(line, line, null, null);
            } else if (code >= 10) {
                line += code - 10;
                int col = readByte(t, pos);
                int endCol = readByte(t, pos);
                p = new Positions(line, line, col, endCol);
            } else {
                int b = readByte(t, pos);
                int col = code * 8 + (b >> 4);
                p = new Positions(line, line, col, col + (b & 15));
            }
            out.add(new Entry(unit, length, code, p));
            unit += length;
        }
        return out;
    }

    private static int readByte(byte[] t, int[] pos) {
        if (pos[0] >= t.length) throw new CodeFormatException("co_linetable", pos[0], "truncated entry");
        return t[pos[0]++] & 0xff;
    }

    /** Little-endian 6-bit groups, {@code 0x40} = continue. */
    public static int readVarint(byte[] t, int[] pos) {
        int at = pos[0];
        int b = readByte(t, pos);
        int val = b & 63;
        int shift = 0;
        while ((b & 64) != 0) {
            shift += 6;
            if (shift > 30) throw new CodeFormatException("co_linetable", at, "varint too long");
            b = readByte(t, pos);
            val |= (b & 63) << shift;
        }
        return val;
    }

    public static int readSignedVarint(byte[] t, int[] pos) {
        int u = readVarint(t, pos);
        return (u & 1) != 0 ? -(u >>> 1) : (u >>> 1);
    }

    /** Writes {@code value} (non-negative) as {@link #readVarint} reads it. */
    public static void writeVarint(ByteArrayOutputStream out, int value) {
        int v = value;
        while (v >= 64) {
            out.write(64 | (v & 63));
            v >>>= 6;
        }
        out.write(v);
    }

    public static void writeSignedVarint(ByteArrayOutputStream out, int value) {
        writeVarint(out, value < 0 ? ((-value) << 1) | 1 : value << 1);
    }

    public List<Entry> entries() {
        return entries;
    }

    @Override
    public List<LineRange> lines() {
        return lines;
    }

    /** {@code co_positions()}: one {@link Positions} per code unit the table covers. */
    public List<Positions> positions() {
        List<Positions> out = new ArrayList<>();
        for (Entry e : entries) {
            for (int i = 0; i < e.length(); i++) out.add(e.positions());
        }
        return out;
    }
}
