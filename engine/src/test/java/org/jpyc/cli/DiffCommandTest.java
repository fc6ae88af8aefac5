package org.jpyc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jpyc.codediff.CPythonForTests;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jpyc diff} on two pycs CPython wrote for same-named sources in two folders. */
class DiffCommandTest {
    @TempDir
    Path tmp;

    private static InProcess.Result diff(Path a, Path b) {
        return InProcess.run(Main::commandLine, "diff", a.toString(), b.toString());
    }

    @Test
    void namesTheFirstDifferenceAndExitsOne() throws Exception {
        Path py = CPythonForTests.python313().orElse(null);
        Assumptions.assumeTrue(py != null, "no embedded CPython 3.13 under ~/.cache/jpyc/cpython");
        Path a = tmp.resolve("one/m.pyc");
        Path b = tmp.resolve("two/m.pyc");
        Files.createDirectories(a.getParent());
        Files.createDirectories(b.getParent());
        Files.write(a, CPythonForTests.pyCompile(py, "def f(a):\n    return a + 1\n", "m.py", 0, 1_700_000_000L));
        Files.write(b, CPythonForTests.pyCompile(py, "def f(a):\n    return a + 2\n", "m.py", 0, 1_700_000_000L));
        InProcess.Result r = diff(a, b);
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains("first difference: <module>.co_consts[0] <code f>.co_consts[1] (values differ)"), r.out());
        assertTrue(r.out().contains("co_consts DIFFER"), r.out());
        assertTrue(r.out().contains("LOAD_CONST               1 (1)") && r.out().contains("LOAD_CONST               1 (2)"), r.out());
        Files.copy(a, tmp.resolve("two/same.pyc"));
        InProcess.Result same = diff(a, tmp.resolve("two/same.pyc"));
        assertEquals(0, same.status(), same.out());
        assertTrue(same.out().endsWith("identical\n"), same.out());
        assertEquals(2, diff(a, tmp.resolve("missing.pyc")).status());
    }
}
