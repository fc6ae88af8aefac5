package org.jpyc.pyc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

class SourceHashTest {
    @Test
    void eightBytesDeterministicAndKeyedByVersion() {
        byte[] src = "print('hi')\n".getBytes();
        Set<String> seen = new HashSet<>();
        for (PyVersion v : PyVersion.TARGETS) {
            byte[] h = SourceHash.of(v, src);
            assertEquals(8, h.length);
            assertArrayEquals(h, SourceHash.of(v, src.clone()));
            assertTrue(seen.add(Arrays.toString(h)), "distinct per version: " + v);
        }
    }

    @Test
    void algorithmChangesAt311ForTheSameKey() {
        Magic m = Magic.forVersion(PyVersion.V3_10);
        byte[] src = "x".getBytes();
        assertFalse(Arrays.equals(SourceHash.of(PyVersion.V3_10, m, src), SourceHash.of(PyVersion.V3_11, m, src)));
        assertArrayEquals(SourceHash.of(PyVersion.V3_11, m, src), SourceHash.of(PyVersion.V3_14, m, src));
    }

    @Test
    void everyTailLengthIsHashed() {
        Set<String> seen = new HashSet<>();
        byte[] data = new byte[40];
        for (int n = 0; n <= 40; n++) {
            assertTrue(seen.add(Arrays.toString(SourceHash.of(PyVersion.V3_12, Arrays.copyOf(data, n)))), "length " + n);
        }
    }

    @Test
    void noSourceHashBefore37() {
        assertThrows(IllegalArgumentException.class, () -> SourceHash.of(PyVersion.of(3, 6), new byte[0]));
    }
}
