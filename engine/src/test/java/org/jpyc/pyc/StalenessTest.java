package org.jpyc.pyc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jpyc.pyc.Staleness.CheckHashBasedPycs;
import org.jpyc.pyc.Staleness.SourceStat;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

class StalenessTest {
    private final PycacheRules rules = PycacheRules.forVersion(PyVersion.V3_12);
    private final byte[] source = "x = 1\n".getBytes();
    private final SourceStat stat = new SourceStat(1_700_000_000L, source.length);

    private byte[] pyc(PycHeader h) {
        byte[] head = h.toBytes();
        byte[] b = new byte[head.length + 4];
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    @Test
    void timestampPycIsFreshOnlyWhenMtimeAndSizeMatch() {
        byte[] good = pyc(PycHeader.timestamp(PyVersion.V3_12, stat.mtime(), stat.size()));
        assertTrue(Staleness.check(rules, good, "m", stat, () -> source, CheckHashBasedPycs.DEFAULT).fresh());
        var moved = Staleness.check(rules, good, "m", new SourceStat(stat.mtime() + 1, stat.size()), () -> source, CheckHashBasedPycs.DEFAULT);
        assertFalse(moved.fresh());
        assertEquals("bytecode is stale for 'm'", moved.reason());
        assertFalse(Staleness.check(rules, good, "m", new SourceStat(stat.mtime(), 99), () -> source, CheckHashBasedPycs.DEFAULT).fresh());
        // compared modulo 2**32
        assertTrue(Staleness.check(rules, good, "m", new SourceStat(stat.mtime() + (1L << 32), stat.size()), () -> source,
                CheckHashBasedPycs.DEFAULT).fresh());
    }

    @Test
    void checkedHashPycIsCheckedUnlessNever() {
        byte[] good = pyc(PycHeader.hashBased(PyVersion.V3_12, rules.sourceHash(source), true));
        byte[] bad = pyc(PycHeader.hashBased(PyVersion.V3_12, rules.sourceHash("y = 2\n".getBytes()), true));
        assertTrue(Staleness.check(rules, good, "m", stat, () -> source, CheckHashBasedPycs.DEFAULT).fresh());
        var v = Staleness.check(rules, bad, "m", stat, () -> source, CheckHashBasedPycs.DEFAULT);
        assertFalse(v.fresh());
        assertEquals("hash in bytecode doesn't match hash of source 'm'", v.reason());
        assertEquals(InvalidationMode.CHECKED_HASH, v.rewriteMode());
        assertTrue(Staleness.check(rules, bad, "m", stat, () -> source, CheckHashBasedPycs.NEVER).fresh());
    }

    @Test
    void uncheckedHashPycIsTrustedUnlessAlways() {
        byte[] bad = pyc(PycHeader.hashBased(PyVersion.V3_12, rules.sourceHash("y = 2\n".getBytes()), false));
        AtomicInteger reads = new AtomicInteger();
        Supplier<byte[]> counting = () -> {
            reads.incrementAndGet();
            return source;
        };
        var v = Staleness.check(rules, bad, "m", stat, counting, CheckHashBasedPycs.DEFAULT);
        assertTrue(v.fresh());
        assertFalse(v.sourceHashed());
        assertEquals(0, reads.get());
        var always = Staleness.check(rules, bad, "m", stat, counting, CheckHashBasedPycs.ALWAYS);
        assertFalse(always.fresh());
        assertEquals(InvalidationMode.UNCHECKED_HASH, always.rewriteMode());
    }

    @Test
    void badMagicTruncationAndFlagsAreReasons() {
        byte[] other = pyc(PycHeader.timestamp(PyVersion.V3_11, stat.mtime(), stat.size()));
        var v = Staleness.check(rules, other, "m", stat, () -> source, CheckHashBasedPycs.DEFAULT);
        assertFalse(v.fresh());
        assertTrue(v.reason().startsWith("bad magic number in 'm': b'"), v.reason());
        byte[] shortOne = java.util.Arrays.copyOf(pyc(PycHeader.timestamp(PyVersion.V3_12, 1, 1)), 10);
        assertEquals("reached EOF while reading pyc header of 'm'",
                Staleness.check(rules, shortOne, "m", stat, () -> source, CheckHashBasedPycs.DEFAULT).reason());
        byte[] flags = pyc(PycHeader.timestamp(PyVersion.V3_12, stat.mtime(), stat.size()));
        flags[4] = 4;
        assertEquals("invalid flags 4 in 'm'", Staleness.check(rules, flags, "m", stat, () -> source, CheckHashBasedPycs.DEFAULT).reason());
    }

    @Test
    void pythonMtimeTruncatesTheDoubleLikeIntStMtime() {
        assertEquals(5, SourceStat.pythonMtime(java.time.Instant.ofEpochSecond(5, 999_000_000)));
        // the double sec + nsec*1e-9 rounds up to the next second here, as CPython's st_mtime does
        assertEquals(1_700_000_001L, SourceStat.pythonMtime(java.time.Instant.ofEpochSecond(1_700_000_000L, 999_999_999)));
    }
}
