package org.jpyc.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineTablesTest {
    @Test
    void varintsRoundTrip() {
        for (int v : new int[] {0, 1, 63, 64, 4095, 4096, 1 << 20, Integer.MAX_VALUE >> 1}) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            LocationTable.writeVarint(o, v);
            LocationTable.writeSignedVarint(o, -v);
            byte[] b = o.toByteArray();
            int[] pos = {0};
            assertEquals(v, LocationTable.readVarint(b, pos));
            assertEquals(-v, LocationTable.readSignedVarint(b, pos));
            assertEquals(b.length, pos[0]);
        }
    }

    @Test
    void locationTableEntryForms() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x80 | (3 << 3) | 0);          // short form, code 3, 1 unit
        o.write((2 << 4) | 5);                 // col 3*8+2 = 26, end 31
        o.write(0x80 | (11 << 3) | 1);         // one-line form, line +1, 2 units
        o.write(4);
        o.write(9);
        o.write(0x80 | (13 << 3) | 0);         // no column, line -3
        LocationTable.writeSignedVarint(o, -3);
        o.write(0x80 | (14 << 3) | 2);         // long form, 3 units
        LocationTable.writeSignedVarint(o, 10);
        LocationTable.writeVarint(o, 2);       // end line = line + 2
        LocationTable.writeVarint(o, 0);       // column unknown
        LocationTable.writeVarint(o, 8);       // end column 7
        o.write(0x80 | (15 << 3) | 0);         // no location
        LocationTable t = new LocationTable(o.toByteArray(), 100, 16, true);
        List<Positions> p = t.positions();
        assertEquals(8, p.size());
        assertEquals(new Positions(100, 100, 26, 31), p.get(0));
        assertEquals(new Positions(101, 101, 4, 9), p.get(1));
        assertEquals(p.get(1), p.get(2));
        assertEquals(new Positions(98, 98, null, null), p.get(3));
        assertEquals(new Positions(108, 110, null, 7), p.get(4));
        assertEquals(Positions.NONE, p.get(7));
        List<LineRange> lines = t.lines();
        assertEquals(List.of(new LineRange(0, 2, 100), new LineRange(2, 6, 101), new LineRange(6, 8, 98),
                new LineRange(8, 14, 108), new LineRange(14, 16, null)), lines);
    }

    @Test
    void locationTableMergesSameLinesOnlyWhenAsked() {
        byte[] table = {(byte) (0x80 | (10 << 3)), 0, 1, (byte) (0x80 | (10 << 3)), 2, 3};
        assertEquals(1, new LocationTable(table, 5, 4, true).lines().size());
        assertEquals(2, new LocationTable(table, 5, 4, false).lines().size());
    }

    @Test
    void locationTableErrorsNameTheOffset() {
        CodeFormatException e = assertThrows(CodeFormatException.class,
                () -> new LocationTable(new byte[] {(byte) (0x80 | (10 << 3)), 1, 2, 3}, 1, 8, true));
        assertEquals(3, e.offset());
        assertThrows(CodeFormatException.class, () -> new LocationTable(new byte[] {(byte) (0x80 | (10 << 3)), 1}, 1, 8, true));
    }

    @Test
    void linetable310SkipsEmptyRangesAndKnowsNoLine() {
        byte[] t = {6, 0, 0, 100, 0, 50, 4, 0, 2, (byte) -128, 8, (byte) -1};
        List<LineRange> r = new LineTable310(t, 1, 20).lines();
        assertEquals(List.of(new LineRange(0, 6, 1), new LineRange(6, 10, 151), new LineRange(10, 12, null),
                new LineRange(12, 20, 150)), r);
        assertNull(r.get(2).line());
        assertEquals(3, new LineTable310(t, 1, 20).lineStarts().size());
    }

    @Test
    void lnotabLineStarts() {
        byte[] t = {4, 1, 0, 2, 6, (byte) -1};
        List<LineRange> r = new Lnotab(t, 10, 14).lines();
        assertEquals(List.of(new LineRange(0, 4, 10), new LineRange(4, 10, 13), new LineRange(10, 14, 12)), r);
    }
}
