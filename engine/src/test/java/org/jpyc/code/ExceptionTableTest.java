package org.jpyc.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionTableTest {
    @Test
    void encodeParseRoundTrip() {
        List<ExceptionTable.Entry> entries = List.of(
                new ExceptionTable.Entry(0, 2, 10, 0, false),
                new ExceptionTable.Entry(4, 200, 1 << 14, 3, true),
                new ExceptionTable.Entry(1 << 20, (1 << 20) + 2 * 4097, 64, 130, true));
        byte[] enc = ExceptionTable.encode(entries);
        assertEquals(entries, ExceptionTable.parse(enc));
        assertTrue((enc[0] & 0x80) != 0, "entry start bit");
        assertEquals(enc, enc);
        assertEquals(Arrays.toString(enc), Arrays.toString(ExceptionTable.encode(ExceptionTable.parse(enc))));
    }

    @Test
    void truncatedEntryIsDroppedLikeDis() {
        byte[] enc = ExceptionTable.encode(List.of(
                new ExceptionTable.Entry(0, 2, 10, 0, false),
                new ExceptionTable.Entry(4, 200, 1 << 14, 3, true)));
        for (int cut = 1; cut < enc.length; cut++) {
            List<ExceptionTable.Entry> got = ExceptionTable.parse(Arrays.copyOf(enc, cut));
            assertTrue(got.size() <= 1);
        }
        assertEquals(0, ExceptionTable.parse(new byte[0]).size());
    }
}
