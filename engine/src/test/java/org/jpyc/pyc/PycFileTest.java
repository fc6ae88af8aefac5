package org.jpyc.pyc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

class PycFileTest {
    @Test
    void headerProblemsAreTypedWithOffsets() {
        byte[] header = PycHeader.timestamp(PyVersion.V3_12, 1, 2).toBytes();
        assertEquals(10, assertThrows(PycFormatException.class, () -> PycFile.read(Arrays.copyOf(header, 10))).offset());
        byte[] bad = header.clone();
        bad[2] = 0;
        assertEquals(2, assertThrows(PycFormatException.class, () -> PycFile.read(bad)).offset());
    }

    @Test
    void missingCodeObjectIsAnError() {
        byte[] header = PycHeader.timestamp(PyVersion.V3_12, 1, 2).toBytes();
        assertThrows(RuntimeException.class, () -> PycFile.read(header));
    }
}
