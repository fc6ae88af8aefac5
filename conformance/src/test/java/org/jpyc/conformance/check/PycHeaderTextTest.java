package org.jpyc.conformance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PycHeaderTextTest {
    @Test
    void timestampAndHashHeaders() {
        byte[] ts = {(byte) 0xa7, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 0x00, (byte) 0xf1, 0x53, 0x65, 5, 0, 0, 0, 0x63};
        String t = PycHeaderText.describe(ts);
        assertTrue(t.startsWith("magic 3495 (a7 0d 0d 0a), flags 0 (timestamp), mtime 1700000000"), t);
        assertTrue(t.endsWith("size 5"), t);
        byte[] hash = {(byte) 0xa7, 0x0d, 0x0d, 0x0a, 3, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8};
        assertTrue(PycHeaderText.describe(hash).contains("(checked-hash), source hash 01 02 03 04 05 06 07 08"));
        assertTrue(PycHeaderText.describe(new byte[3]).startsWith("(only 3 bytes"));
    }

    @Test
    void firstDifference() {
        assertEquals(-1, PycMismatch.firstDifference(new byte[] {1, 2}, new byte[] {1, 2}));
        assertEquals(1, PycMismatch.firstDifference(new byte[] {1, 2}, new byte[] {1, 3}));
        assertEquals(2, PycMismatch.firstDifference(new byte[] {1, 2}, new byte[] {1, 2, 3}));
    }
}
