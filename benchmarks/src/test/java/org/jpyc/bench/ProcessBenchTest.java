package org.jpyc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process benchmark's tree handling and commands (the timing itself is not checked). */
class ProcessBenchTest {
    @TempDir
    Path dir;

    @Test
    void discardedTreesAreMovedAsideThenDeletedTogether() throws Exception {
        Path work = dir.resolve("bench/process-3.13");
        Path tree = work.resolve("tree");
        Files.createDirectories(tree.resolve("pkg"));
        Files.writeString(tree.resolve("pkg/a.py"), "x = 1\n");
        Discarded.discard(tree);
        assertFalse(Files.exists(tree), "moved away from its path, which a new copy can take");
        Files.createDirectories(tree);
        Discarded.discard(tree);
        Discarded.discard(dir.resolve("bench/absent")); // nothing to move: no error
        Path bin = work.resolve(Discarded.DIR);
        try (var s = Files.list(bin)) {
            assertEquals(2, s.count(), "both copies kept, by distinct names, until deleteAll");
        }
        Discarded.deleteAll(dir.resolve("bench"));
        assertFalse(Files.exists(bin));
        assertTrue(Files.isDirectory(work), "only the discarded trees go");
    }

    @Test
    void compileallIsTimedByTheInterpreterItRunsIn() throws Exception {
        List<String> cmd = ProcessBench.timedCompileall(Path.of("/py/bin/python3.13"), 1, Path.of("/t"));
        assertEquals(List.of("/py/bin/python3.13", "-c", ProcessBench.TIMER, "-m", "compileall", "-q", "-j", "1", "/t"), cmd);
        Path python = WorkerBench.embeddedPython();
        org.junit.jupiter.api.Assumptions.assumeTrue(python != null, "no embedded CPython 3.13 unpacked");
        double s = ProcessBench.timeReported(List.of(python.toString(), "-c", ProcessBench.TIMER, "-c", "import time; time.sleep(0.2)"));
        assertTrue(s >= 0.2 && s < 30, "the child's seconds: " + s);
        assertThrows(IllegalStateException.class,
                () -> ProcessBench.timeReported(List.of(python.toString(), "-c", ProcessBench.TIMER, "-c", "raise SystemExit(3)")));
    }

    @Test
    void copiesSourcesOnlyWithoutCachesOrSitePackages() throws Exception {
        Path lib = dir.resolve("lib");
        Files.createDirectories(lib.resolve("pkg/__pycache__"));
        Files.createDirectories(lib.resolve("site-packages/x"));
        Files.createDirectories(lib.resolve("test/site-packages"));
        Files.writeString(lib.resolve("a.py"), "x = 1\n");
        Files.writeString(lib.resolve("pkg/__init__.py"), "");
        Files.writeString(lib.resolve("pkg/__pycache__/__init__.cpython-313.pyc"), "junk");
        Files.writeString(lib.resolve("pkg/data.txt"), "not python");
        Files.writeString(lib.resolve("site-packages/x/y.py"), "");
        Files.writeString(lib.resolve("test/site-packages/z.py"), ""); // only the top-level site-packages is left out
        Path tree = dir.resolve("tree");
        assertEquals(3, ProcessBench.copyTree(lib, tree));
        assertTrue(Files.isRegularFile(tree.resolve("pkg/__init__.py")));
        assertTrue(Files.isRegularFile(tree.resolve("test/site-packages/z.py")));
        assertFalse(Files.exists(tree.resolve("pkg/__pycache__")));
        assertFalse(Files.exists(tree.resolve("site-packages")));
        assertEquals(0, ProcessBench.count(tree, ".pyc"));
        ProcessBench.delete(tree);
        assertFalse(Files.exists(tree));
    }

    @Test
    void commandsAreJpycCompileAndCompileall() {
        Path tree = dir.resolve("tree");
        List<String> jpyc = ProcessBench.jpycCompile(ProcessBench.jpycCommand(), "3.13", 1, tree);
        assertEquals(List.of("compile", "--target", "3.13", "-j", "1", tree.toString()), jpyc.subList(jpyc.size() - 6, jpyc.size()));
        String program = jpyc.get(jpyc.size() - 7);
        assertTrue(program.equals("org.jpyc.cli.Main") || program.equals(String.valueOf(ProcessBench.launcher())), program);
        assertEquals(List.of("/n/jpyc", "compile", "--target", "3.14", "-j", "2", tree.toString()),
                ProcessBench.jpycCompile(List.of("/n/jpyc"), "3.14", 2, tree));
        assertEquals(List.of("/py", "-m", "compileall", "-q", "-j", "0", tree.toString()), ProcessBench.compileall(Path.of("/py"), 0, tree));
        assertEquals(List.of(1, 1), List.of(ProcessBench.modes().get(0).jpycJobs(), ProcessBench.modes().get(0).compileallJobs()));
        assertEquals(0, ProcessBench.modes().get(1).compileallJobs());
    }

    @Test
    void aFailingProcessIsAnError() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertTrue(ProcessBench.time(List.of(java.toString(), "-version")) > 0);
        // exit status 1 is a run where some sources were rejected; anything else is an error
        assertThrows(IllegalStateException.class, () -> ProcessBench.time(List.of("/bin/sh", "-c", "exit 2")));
    }

    @Test
    void theLauncherRunsBatchCommandsWithTheBenchmarksOptions() throws Exception {
        Path launcher = Path.of(System.getProperty("jpyc.root", "..")).resolve("jpyc");
        String script = Files.readString(launcher);
        String options = String.join(" ", ProcessBench.BATCH_JVM_OPTIONS);
        assertTrue(script.contains("compile|compileall|verify|precompiler) batch_opts=\"" + options + "\""),
                "./jpyc must run compile with " + options + " as the whole-process benchmark does");
        assertTrue(script.contains("*\"[madvise]\"*") && script.contains("batch_opts=\"$batch_opts -XX:+UseTransparentHugePages\""),
                "./jpyc must add huge pages in madvise mode, as ProcessBench.launcherJvmOptions says");
        List<String> jpyc = ProcessBench.jpycCommand();
        assertTrue(jpyc.equals(List.of(String.valueOf(ProcessBench.launcher()))) || jpyc.containsAll(ProcessBench.BATCH_JVM_OPTIONS), jpyc.toString());
        assertEquals(ProcessBench.launcherJvmOptions(), WorkerBench.workerJvmOptions(), "the worker benchmark runs precompiler as ./jpyc does");
    }
}
