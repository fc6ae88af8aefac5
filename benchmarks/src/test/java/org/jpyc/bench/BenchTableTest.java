package org.jpyc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code jpyc bench} turns runs into a row: medians, and each run's figure in the table. */
class BenchTableTest {

    @Test
    void oneRunFarOffMovesNeitherSide() {
        // CPython 3.10 marshal.dumps processes as measured in one row here: one at half speed
        assertEquals(675.0, BenchCommand.median(List.of(348.0, 682.0, 675.0)));
        assertEquals(1390.0, BenchCommand.median(List.of(1390.0, 1400.0, 1356.0)));
        assertEquals(15.0, BenchCommand.median(List.of(10.0, 20.0)));
        assertEquals(7.0, BenchCommand.median(List.of(7.0)));
    }

    @Test
    void tableGivesTheMediansRatioAndEveryRun() {
        BenchCommand.Row r = new BenchCommand.Row("marshal.dump", "3.10", 1390.0, 675.0,
                List.of(1390.3, 1400.2, 1355.8), List.of(348.1, 682.2, 674.7));
        String table = BenchCommand.table(List.of(r));
        // the ratio is the median of the sessions' own (3.99, 2.05, 2.01)
        assertTrue(table.contains("| marshal.dump | 3.10 | 1390.0 | 675.0 | 2.05x | 1390 / 1400 / 1356 | 348 / 682 / 675 |"), table);
    }

    @Test
    void aSessionInWhichBothSidesRanSlowerMovesNoRatio() {
        // paired sessions: the second ran at half speed on both sides, the third a little faster for jpyc alone
        BenchCommand.Row r = new BenchCommand.Row("compile", "3.13", 12.0, 6.5, List.of(12.0, 6.0, 13.0), List.of(6.0, 3.0, 6.5));
        assertEquals(2.0, r.ratio());
        // the medians of the two sides (12.0 and 6.5: 1.85) come from different sessions; what pairs is each session's own
        assertEquals(2.0, BenchCommand.pairedRatio(List.of(10.0, 20.0, 12.0), List.of(5.0, 10.0, 6.5)));
        assertThrows(IllegalArgumentException.class, () -> BenchCommand.pairedRatio(List.of(1.0, 2.0), List.of(1.0)));
    }

    @Test
    void smallFiguresKeepADecimal() {
        BenchCommand.Row r = new BenchCommand.Row("compile", "3.13", 2.45, 1.0, List.of(2.4, 2.5), List.of(0.96, 1.04));
        String table = BenchCommand.table(List.of(r));
        assertTrue(table.contains("| compile | 3.13 | 2.5 | 1.0 | 2.45x | 2.4 / 2.5 | 1.0 / 1.0 |"), table);
    }

    @Test
    void cacheTableGivesEachSidesRecompilePerHitAndJpycsSpeedUps() {
        BenchCommand.CacheRow r = new BenchCommand.CacheRow("3.13", 200, 20.0, 400.0, 50.0, 1500.0,
                List.of(19.0, 21.0), List.of(390.0, 410.0), List.of(49.0, 51.0), List.of(1450.0, 1550.0));
        assertEquals(20.0, r.jpycRecompilePerHit());
        assertEquals(30.0, r.cpythonMissPerHit());
        String table = BenchCommand.cacheTable(List.of(r));
        assertTrue(table.contains("| 3.13 | 200 | 20.0 | 400.0 | 20.0x | 50.0 | 1500.0 | 30.0x | 2.50x | 3.75x | "
                + "19.0 / 21.0 ; 390.0 / 410.0 | 49.0 / 51.0 ; 1450.0 / 1550.0 |"), table);
    }

    @Test
    void processTableGivesSecondsRatioAndPycCounts() {
        ProcessBench.Row r = new ProcessBench.Row("-j 1", "3.13", 1751, 10.0, 40.0, List.of(9.0, 10.0, 11.0),
                List.of(39.0, 40.0, 41.0), 1740, 1740);
        assertEquals(4.0, r.ratio());
        String table = ProcessBench.table(List.of(r));
        assertTrue(table.contains("| -j 1 | 3.13 | 1751 | 10.00 | 40.00 | 4.00x | 9.0 / 10.0 / 11.0 | 39.0 / 40.0 / 41.0 | 1740 / 1740 |"), table);
    }

    @Test
    void compilerBenchmarksRunForTheCompilersTargetsOnly() {
        assertTrue(BenchCommand.BENCHES.stream().anyMatch(b -> b.name().equals("compile") && b.payload().equals("compile")));
        assertEquals(List.of("cache.hit", "cache.miss"), BenchCommand.CACHE_BENCHES.stream().map(BenchCommand.Bench::cpythonKind).toList());
        // every benchmark name the default selection lists exists
        for (String name : BenchCommand.ALL_BENCHMARKS.split(",")) {
            assertTrue(BenchCommand.PROCESS_BENCHMARKS.contains(name)
                    || BenchCommand.BENCHES.stream().anyMatch(b -> b.name().equals(name)), name);
        }
        // the timing text names every JMH benchmark, the cache ones included
        String timing = BenchCommand.timing();
        for (BenchCommand.Bench b : BenchCommand.BENCHES) assertTrue(timing.contains("`" + b.name() + "`"), timing);
        for (BenchCommand.Bench b : BenchCommand.CACHE_BENCHES) assertTrue(timing.contains("`" + b.name() + "`"), timing);
    }

    @Test
    void statusGivesTheCompileChecksFieldTallies() {
        var cfg = org.jpyc.conformance.run.RunConfig.of("embedded", org.jpyc.conformance.oracle.OracleOptions.defaults(),
                List.of(org.jpyc.version.PyVersion.V3_13), List.of("compile", "symtable"), List.of("corpus/cases"), java.nio.file.Path.of("."));
        var ok = org.jpyc.conformance.check.CheckResult.passed("same").withFields(java.util.Map.of("code", true, "consts", true));
        var bad = org.jpyc.conformance.check.CheckResult.failed("differs", "").withFields(java.util.Map.of("code", false, "consts", true));
        var r = org.jpyc.conformance.run.RunResult.of(cfg, List.of(), List.of(
                new org.jpyc.conformance.run.Outcome(org.jpyc.version.PyVersion.V3_13, "a", "g", "compile", ok),
                new org.jpyc.conformance.run.Outcome(org.jpyc.version.PyVersion.V3_13, "b", "g", "compile", bad),
                new org.jpyc.conformance.run.Outcome(org.jpyc.version.PyVersion.V3_13, "a", "g", "symtable",
                        org.jpyc.conformance.check.CheckResult.passed("same"))));
        String table = StatusCommand.fieldTable(r);
        assertTrue(table.contains("| 3.13 | compile | 1/2 | 2/2 |") || table.contains("| 3.13 | compile | 2/2 | 1/2 |"), table);
        assertTrue(!table.contains("symtable"), table);
        assertEquals("", StatusCommand.fieldTable(org.jpyc.conformance.run.RunResult.of(cfg, List.of(), List.of())));
    }

    @Test
    void statusCellsCountKnownFailuresAsCompared() {
        assertEquals("5/7 (1 skipped, 2 known failures, 3 new passes)",
                StatusCommand.cellText(new org.jpyc.conformance.run.RunResult.Cell(5, 0, 1, 2, 3)));
        assertEquals("4/5", StatusCommand.cellText(new org.jpyc.conformance.run.RunResult.Cell(4, 1, 0)));
    }
}
