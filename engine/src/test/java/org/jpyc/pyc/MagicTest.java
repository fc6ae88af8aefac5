package org.jpyc.pyc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Set;
import java.util.stream.Collectors;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

class MagicTest {
    @Test
    void everyTargetHasAMagicNumberOfItsOwnRange() {
        for (PyVersion v : PyVersion.TARGETS) {
            Magic m = Magic.forVersion(v);
            assertEquals(v, m.version().orElseThrow(), "range of " + m);
        }
        assertEquals(PyVersion.V2_7, Magic.forVersion(PyVersion.V2_7).version().orElseThrow());
        for (int minor = 0; minor <= 9; minor++) {
            PyVersion v = PyVersion.of(3, minor);
            assertEquals(v, Magic.forVersion(v).version().orElseThrow());
        }
    }

    @Test
    void magicNumbersIncreaseWithVersion() {
        Magic prev = null;
        for (int minor = 0; minor <= 15; minor++) {
            Magic m = Magic.forVersion(PyVersion.of(3, minor));
            if (prev != null) assertTrue(m.number() > prev.number(), m + " after " + prev);
            prev = m;
        }
    }

    @Test
    void historyCoversTwoSevenAndEveryThreeX() {
        Set<String> minors = Magic.history().stream().map(Magic.Entry::minor).collect(Collectors.toSet());
        assertTrue(minors.contains("2.7"));
        for (int minor = 0; minor <= 15; minor++) assertTrue(minors.contains("3." + minor), "3." + minor);
    }

    @Test
    void everyListedNumberMapsToItsMinor() {
        for (Magic.Entry e : Magic.history()) {
            var v = Magic.of(e.number()).version();
            if (e.minor().equals("2.7") || e.minor().startsWith("3.")) {
                assertEquals(e.minor(), v.orElseThrow().toString(), e.toString());
            } else {
                assertTrue(v.isEmpty(), e + " is not a modelled version");
            }
        }
    }

    @Test
    void onlyTheFinalNumberIsARelease() {
        for (PyVersion v : PyVersion.TARGETS) {
            if (Magic.isPrerelease(v)) continue;
            Magic fin = Magic.forVersion(v);
            assertTrue(fin.isRelease());
            for (Magic.Entry e : Magic.history()) {
                if (e.minor().equals(v.toString()) && e.number() != fin.number()) assertFalse(Magic.of(e.number()).isRelease());
            }
        }
    }

    @Test
    void bytesAreLittleEndianPlusCrLfAndTokenReadsThemBack() {
        for (PyVersion v : PyVersion.TARGETS) {
            Magic m = Magic.forVersion(v);
            byte[] b = m.bytes();
            assertEquals(4, b.length);
            assertEquals('\r', b[2]);
            assertEquals('\n', b[3]);
            assertEquals(m, Magic.read(b, 0));
            assertEquals(PycHeader.u32(b, 0), m.token());
        }
    }

    @Test
    void outOfRangeNumbersHaveNoVersion() {
        int past = Magic.history().stream().mapToInt(Magic.Entry::number).filter(n -> n < 20000).max().orElseThrow();
        assertTrue(Magic.of(past + 1000).version().isEmpty());
        assertTrue(Magic.of(1).version().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Magic.of(70000));
    }

    @Test
    void readRejectsMissingCrLfAndTruncation() {
        byte[] b = Magic.forVersion(PyVersion.V3_12).bytes();
        b[3] = 'x';
        PycFormatException e = assertThrows(PycFormatException.class, () -> Magic.read(b, 0));
        assertEquals(2, e.offset());
        PycFormatException t = assertThrows(PycFormatException.class, () -> Magic.read(new byte[3], 0));
        assertEquals(0, t.offset());
    }
}
