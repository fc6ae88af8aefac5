package org.jpyc.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link AsciiScan}'s word tests find what byte-by-byte scans find, at every offset, length and position. */
class AsciiScanTest {
    private static int byteByByte(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] >= 0) i++;
        return i;
    }

    @Test
    void everyPositionOfOneNonAsciiByteInEveryWindow() {
        byte[] b = new byte[40];
        for (int at = -1; at < b.length; at++) {
            java.util.Arrays.fill(b, (byte) 'a');
            if (at >= 0) b[at] = (byte) 0xC3;
            for (int from = 0; from <= b.length; from++) {
                for (int to = from; to <= b.length; to++) {
                    assertEquals(byteByByte(b, from, to), AsciiScan.firstNonAscii(b, from, to),
                            "non-ASCII at " + at + ", window " + from + ".." + to);
                }
            }
        }
    }

    @Test
    void zeroBytesMarksExactlyTheBytesEqualToTheOneSought() {
        Random r = new Random(13);
        byte[] b = new byte[8];
        for (int round = 0; round < 20000; round++) {
            byte x = (byte) r.nextInt(256);
            // bytes near x and 0x00/0x80/0xFF, where a carry or borrow between bytes would show
            for (int k = 0; k < 8; k++) {
                int pick = r.nextInt(5);
                b[k] = pick == 0 ? x : pick == 1 ? (byte) (x + 1) : pick == 2 ? (byte) (x - 1) : (byte) (r.nextBoolean() ? 0x80 : r.nextInt(256));
            }
            long w = LittleEndian.longAt(b, 0);
            long expected = 0;
            for (int k = 0; k < 8; k++) if (b[k] == x) expected |= 0x80L << (8 * k);
            assertEquals(expected, AsciiScan.zeroBytes(w ^ ((x & 0xFFL) * 0x0101010101010101L)), java.util.Arrays.toString(b) + " " + x);
        }
    }

    @Test
    void randomBytesAgreeWithAByteByByteScan() {
        Random r = new Random(11);
        for (int round = 0; round < 2000; round++) {
            byte[] b = new byte[1 + r.nextInt(100)];
            for (int i = 0; i < b.length; i++) b[i] = (byte) (r.nextInt(50) == 0 ? 0x80 + r.nextInt(128) : r.nextInt(128));
            int from = r.nextInt(b.length + 1);
            int to = from + r.nextInt(b.length - from + 1);
            assertEquals(byteByByte(b, from, to), AsciiScan.firstNonAscii(b, from, to));
        }
    }
}
