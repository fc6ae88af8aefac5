package org.jpyc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up benchmark's commands, rounds and table, and the worker row (the timing itself is not checked). */
class StartupBenchTest {
    @TempDir
    Path dir;

    @Test
    void commandsAreTheJarTheLauncherAndTheInterpreter() throws Exception {
        Path root = dir.resolve("root");
        Path python = Path.of("/py/bin/python3.13");
        // without a dist jar or launcher: the interpreter's commands alone
        List<StartupBench.Command> bare = StartupBench.commands(root, python, "3.13");
        assertEquals(List.of(List.of("/py/bin/python3.13", "-m", "py_compile", "small.py"), List.of("/py/bin/python3.13", "-c", "pass")),
                bare.stream().map(StartupBench.Command::argv).toList());
        Files.createDirectories(root.resolve("dist/target"));
        Files.writeString(root.resolve("dist/target/jpyc.jar"), "");
        Files.writeString(root.resolve("jpyc"), "#!/bin/sh\n");
        root.resolve("jpyc").toFile().setExecutable(true);
        List<StartupBench.Command> all = StartupBench.commands(root, python, "3.13");
        assertEquals(6, all.size());
        List<String> jarCompile = all.get(1).argv();
        assertEquals(List.of("-jar", root.resolve("dist/target/jpyc.jar").toString(), "compile", "--target", "3.13", "small.py"),
                jarCompile.subList(1, jarCompile.size()));
        assertEquals(List.of(root.resolve("jpyc").toString(), "--help"), all.get(2).argv());
        assertEquals(List.of("jpyc", "jpyc", "jpyc", "jpyc", "CPython", "CPython"), all.stream().map(StartupBench.Command::side).toList());
        // an executable (a native jpyc) adds its own two, named by its path in the checkout, before the interpreter's
        List<StartupBench.Command> native_ = StartupBench.commands(root, python, "3.13", root.resolve("target/native/jpyc"));
        assertEquals(8, native_.size());
        assertEquals("`target/native/jpyc compile --target 3.13 small.py`", native_.get(5).name());
        assertEquals(List.of(root.resolve("target/native/jpyc").toString(), "compile", "--target", "3.13", "small.py"), native_.get(5).argv());
        assertEquals("CPython", native_.get(6).side());
    }

    @Test
    void aRatioUnderATenthKeepsTwoDecimals() {
        assertEquals("1.3x", StartupBench.times(1.26));
        assertEquals("0.5x", StartupBench.times(0.47));
        assertEquals("0.04x", StartupBench.times(0.043));
    }

    @Test
    void eachRunGetsAFreshSourceAndEveryCommandARow() throws Exception {
        Path work = dir.resolve("work");
        Files.createDirectories(work.resolve("__pycache__"));
        Files.writeString(work.resolve("__pycache__/small.cpython-313.pyc"), "stale");
        // the command fails (exit 1) if __pycache__ is there or small.py is not
        List<StartupBench.Command> cmds = List.of(new StartupBench.Command("check", "jpyc",
                List.of("/bin/sh", "-c", "test ! -e __pycache__ && test -s small.py && mkdir __pycache__")));
        List<StartupBench.Row> rows = StartupBench.measure(cmds, "3.13", work, 2);
        assertEquals(1, rows.size());
        assertEquals(2, rows.get(0).runsMs().size());
        assertEquals(StartupBench.SMALL_SOURCE, Files.readString(work.resolve("small.py")));
        assertThrows(IllegalStateException.class, () -> StartupBench.time(List.of("/bin/sh", "-c", "exit 1"), work));
    }

    @Test
    void tableGivesMediansRunsAndJpycOverPyCompile() {
        List<StartupBench.Row> rows = List.of(
                new StartupBench.Row("`java -jar jpyc.jar compile --target 3.13 small.py`", "jpyc", "3.13", 600, List.of(590.0, 600.0, 640.0)),
                new StartupBench.Row("`python3.13 -m py_compile small.py`", "CPython", "3.13", 60, List.of(55.0, 60.0, 70.0)),
                new StartupBench.Row("`python3.13 -c pass`", "CPython", "3.13", 20, List.of(20.0, 20.0, 21.0)));
        String t = StartupBench.table(rows);
        assertTrue(t.contains("| `java -jar jpyc.jar compile --target 3.13 small.py` | 3.13 | 600 | 10.0x | 590 / 600 / 640 |"), t);
        assertTrue(t.contains("| `python3.13 -c pass` | 3.13 | 20 |  | 20 / 20 / 21 |"), t);
    }

    @Test
    void workerRowStandsBesideCPythonsMeasuredWorkerAndRulesPythonsReportedFigure() {
        WorkerBench.Result r = new WorkerBench.Result(2000, List.of(9.0, 8.0, 10.0), List.of(), List.of(0L, 0L, 0L),
                List.of(18.0, 19.0, 17.0), List.of(0L, 0L, 0L));
        assertEquals(9.0, r.coldMedian());
        assertEquals(18.0, r.cpythonMedian());
        String t = BenchCommand.workerTable(r);
        assertTrue(t.contains("| 2000 | 9.00 | 18.00 | 2.00x | 4 | 9.00 / 8.00 / 10.00 | 18.00 / 19.00 / 17.00 | 0 / 0 / 0 / 0 / 0 / 0 |"), t);
        assertTrue(StatusCommand.workerText(new BenchCommand()).contains("60 s down to 4 s for 2,000 files"));
        assertTrue(StatusCommand.workerText(new BenchCommand()).contains("cpython_worker.py"));
    }

    @Test
    void aWorkerRowWithoutCPythonSaysSo() {
        WorkerBench.Result r = new WorkerBench.Result(2000, List.of(9.0), List.of(), List.of(0L), List.of(), List.of());
        assertTrue(Double.isNaN(r.cpythonMedian()));
        assertTrue(BenchCommand.workerTable(r).contains("| 2000 | 9.00 | not timed |  | 4 | 9.00 |  | 0 / - |"), BenchCommand.workerTable(r));
    }
}
