package org.jpyc.pyc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

class PycHeaderTest {
    private static final PyVersion[] ALL = {PyVersion.V2_7, PyVersion.of(3, 0), PyVersion.of(3, 2), PyVersion.of(3, 3),
        PyVersion.of(3, 6), PyVersion.of(3, 7), PyVersion.V3_9, PyVersion.V3_10, PyVersion.V3_11, PyVersion.V3_12,
        PyVersion.V3_13, PyVersion.V3_14, PyVersion.V3_15};

    @Test
    void timestampHeadersRoundTripInEveryEra() {
        for (PyVersion v : ALL) {
            PycHeader h = PycHeader.timestamp(v, 1_700_000_123L, 4567);
            byte[] b = h.toBytes();
            assertEquals(PycLayout.forVersion(v).length(), b.length, v.toString());
            PycHeader back = PycHeader.read(b);
            assertEquals(h, back, v.toString());
            assertArrayEquals(b, back.toBytes());
            assertEquals(v, back.version());
            assertEquals(InvalidationMode.TIMESTAMP, back.invalidationMode());
            assertEquals(1_700_000_123L, back.mtime());
        }
    }

    @Test
    void layoutsByEra() {
        assertEquals(8, PycLayout.forVersion(PyVersion.V2_7).length());
        assertEquals(8, PycLayout.forVersion(PyVersion.of(3, 2)).length());
        assertEquals(12, PycLayout.forVersion(PyVersion.of(3, 3)).length());
        assertEquals(12, PycLayout.forVersion(PyVersion.of(3, 6)).length());
        assertEquals(16, PycLayout.forVersion(PyVersion.of(3, 7)).length());
        for (PyVersion v : ALL) {
            assertEquals(PycLayout.forVersion(v), PycLayout.forMagic(Magic.forVersion(v).number()), v.toString());
        }
    }

    @Test
    void mtimeAndSizeAreStoredModulo2To32() {
        PycHeader h = PycHeader.timestamp(PyVersion.V3_12, -1, (1L << 32) + 5);
        PycHeader back = PycHeader.read(h.toBytes());
        assertEquals(0xFFFFFFFFL, back.mtime());
        assertEquals(5, back.sourceSize());
    }

    @Test
    void hashBasedHeadersRoundTrip() {
        byte[] hash = SourceHash.of(PyVersion.V3_13, "x = 1\n".getBytes());
        for (boolean check : new boolean[] {true, false}) {
            PycHeader h = PycHeader.hashBased(PyVersion.V3_13, hash, check);
            PycHeader back = PycHeader.read(h.toBytes());
            assertEquals(h, back);
            assertTrue(back.isHashBased());
            assertEquals(check, back.checkSource());
            assertEquals(check ? InvalidationMode.CHECKED_HASH : InvalidationMode.UNCHECKED_HASH, back.invalidationMode());
            assertArrayEquals(hash, back.sourceHash());
            assertEquals(-1, back.mtime());
        }
        assertThrows(IllegalArgumentException.class, () -> PycHeader.hashBased(PyVersion.of(3, 6), hash, true));
    }

    @Test
    void checkSourceBitAloneIsATimestampPycAndIsKept() {
        byte[] b = PycHeader.timestamp(PyVersion.V3_11, 10, 20).toBytes();
        b[4] = 0b10;
        PycHeader h = PycHeader.read(b);
        assertEquals(InvalidationMode.TIMESTAMP, h.invalidationMode());
        assertArrayEquals(b, h.toBytes());
    }

    @Test
    void unknownFlagsAreRejectedAtTheFlagsOffset() {
        byte[] b = PycHeader.timestamp(PyVersion.V3_12, 10, 20).toBytes();
        b[4] = 0b100;
        assertEquals(4, assertThrows(PycFormatException.class, () -> PycHeader.read(b)).offset());
        byte[] c = PycHeader.timestamp(PyVersion.V3_12, 10, 20).toBytes();
        c[7] = (byte) 0x80;
        assertEquals(4, assertThrows(PycFormatException.class, () -> PycHeader.read(c)).offset());
    }

    @Test
    void truncationIsReportedAtTheEnd() {
        for (PyVersion v : ALL) {
            byte[] b = PycHeader.timestamp(v, 1, 2).toBytes();
            for (int n = 4; n < b.length; n++) {
                byte[] cut = Arrays.copyOf(b, n);
                assertEquals(n, assertThrows(PycFormatException.class, () -> PycHeader.read(cut)).offset());
            }
        }
        assertThrows(PycFormatException.class, () -> PycHeader.read(new byte[0]));
    }

    @Test
    void unknownMagicIsRejectedAtOffsetZero() {
        byte[] b = PycHeader.timestamp(PyVersion.V3_12, 1, 2).toBytes();
        b[0] = 0x01;
        b[1] = 0x01; // 257: no Python ever used it
        assertEquals(0, assertThrows(PycFormatException.class, () -> PycHeader.read(b)).offset());
    }

    @Test
    void readsAtAnOffset() {
        byte[] h = PycHeader.timestamp(PyVersion.V3_10, 7, 8).toBytes();
        byte[] b = new byte[h.length + 3];
        System.arraycopy(h, 0, b, 3, h.length);
        assertEquals(PycHeader.read(h), PycHeader.read(b, 3));
    }
}
