package org.jpyc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jpyc.codediff.DiffKind;
import org.jpyc.codediff.PycDiff;
import org.jpyc.testing.EmbeddedPython;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jpyc verify} against pycs the real CPython 3.13 writes ({@code compileall}, {@code py_compile}
 * into a temporary tree), then against copies tampered with by the real interpreter too (another
 * level's pyc under a name, another dfile, another version's pyc, a pyc of another source behind the
 * right header): every expected verdict comes from what the interpreter wrote, never from typed bytes.
 */
class VerifyCommandTest {
    private static final String TAG = "cpython-313";

    @TempDir
    Path tmp;

    private Path python;
    private Path src;

    @BeforeEach
    void findPython() {
        python = EmbeddedPython.python313().orElse(null);
        Assumptions.assumeTrue(python != null, "no embedded CPython 3.13 under ~/.cache/jpyc/cpython");
        src = tmp.resolve("src");
    }

    private record Run(int status, String out, String err) {
        /** The report lines (all but the summary), by pyc path. */
        Map<String, String> reports() {
            Map<String, String> m = new TreeMap<>();
            for (String line : out.split("\n")) {
                if (line.startsWith("verify: ") || line.isEmpty()) continue;
                int colon = line.indexOf(".pyc: ");
                m.put(line.substring(0, colon + 4), line.substring(colon + 6));
            }
            return m;
        }

        String summary() {
            String[] lines = out.split("\n");
            return lines[lines.length - 1];
        }
    }

    private static Run jpyc(String... args) {
        InProcess.Result r = InProcess.run(Main::commandLine, args);
        return new Run(r.status(), r.out(), r.err());
    }

    private static String py(Path python, String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("-c", script));
        cmd.addAll(Arrays.asList(args));
        return pyArgs(python, cmd);
    }

    /** {@code python -s -B ARGS}; its output. */
    private static String pyArgs(Path python, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), "-s", "-B"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("PYTHON") || k.equals("SOURCE_DATE_EPOCH"));
        pb.environment().put("PYTHONHASHSEED", "0");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private Path write(String rel, String text) throws IOException {
        Path p = src.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** {@code src/<dir>/__pycache__/<name>.cpython-313[.opt-N].pyc}. */
    private Path cache(String dir, String name, int level) {
        return src.resolve(dir).resolve("__pycache__").resolve(name + "." + TAG + (level == 0 ? "" : ".opt-" + level) + ".pyc");
    }

    private List<Path> pycsOfTag(String tag) throws IOException {
        try (Stream<Path> s = Files.walk(src)) {
            return s.filter(f -> f.getFileName().toString().endsWith("." + tag + ".pyc")
                    || f.getFileName().toString().contains("." + tag + ".opt-")).sorted().toList();
        }
    }

    /** The tree, compiled by the real 3.13 at levels 0, 1, 2 (compileall), src/c in checked-hash mode. */
    private void compileTree() throws Exception {
        write("a/m.py", "def f(x):\n    'doc'\n    assert x\n    return x + 1\n");
        write("b/m.py", "class K:\n    'doc'\n    v = [1, 2]\n");
        write("b/__init__.py", "import os\nprint(os.sep)\n");
        write("c/m.py", "x = {'k': (1, 2.5, None)}\n");
        write("d/m.py", "async def g():\n    async with a as b:\n        return [i async for i in b]\n");
        write("e/m.py", "try:\n    pass\nexcept* ValueError as e:\n    raise\n");
        write("g/m.py", "def h(*a, **k):\n    return a, k\n");
        py(python, "import compileall, sys\n"
                + "ok = compileall.compile_dir(sys.argv[1], quiet=1, optimize=[0, 1, 2])\n"
                + "import py_compile\n"
                + "for o in (0, 1, 2):\n"
                + "    py_compile.compile(sys.argv[1] + '/c/m.py', optimize=o, invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)\n"
                + "sys.exit(0 if ok else 1)\n", src.toString());
    }

    @Test
    void pycsTheInterpreterWroteAreVerifiedAndTamperedCopiesAreNamed() throws Exception {
        compileTree();
        List<Path> mine = pycsOfTag(TAG);
        assertEquals(21, mine.size(), mine.toString());
        Run clean = jpyc("verify", "--target", "3.13", src.toString());
        assertEquals(0, clean.status(), clean.out() + clean.err());
        assertEquals("verify: 21 pycs checked: 21 as CPython 3.13 writes them, 0 not", clean.summary());
        assertEquals(Map.of(), clean.reports());

        // another version's pycs in the tree are skipped (if 3.12 is here)
        Optional<Path> py312 = EmbeddedPython.find("3.12");
        if (py312.isPresent()) {
            py(py312.get(), "import compileall, sys; sys.exit(0 if compileall.compile_dir(sys.argv[1], quiet=1) else 1)", src.toString());
        }

        // another optimization level: the opt-2 pyc under the plain name
        Files.copy(cache("a", "m", 2), cache("a", "m", 0), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // another co_filename: py_compile of the same source with another dfile, at its cache path
        py(python, "import py_compile, sys; py_compile.compile(sys.argv[1], dfile='/elsewhere/b/__init__.py')",
                src.resolve("b/__init__.py").toString());
        // another version: 3.12's pyc under 3.13's name
        if (py312.isPresent()) {
            Files.copy(src.resolve("b/__pycache__/m.cpython-312.pyc"), cache("b", "m", 1), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // tampered: the real pyc of another source (same dfile) behind the right header
        Path other = tmp.resolve("other/m.py");
        Files.createDirectories(other.getParent());
        Files.writeString(other, "class K:\n    'doc'\n    v = [1, 3]\n");
        Path otherPyc = tmp.resolve("other/m.pyc");
        py(python, "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[3], optimize=2)",
                other.toString(), otherPyc.toString(), src.resolve("b/m.py").toString());
        byte[] original = Files.readAllBytes(cache("b", "m", 2));
        byte[] tampered = Files.readAllBytes(otherPyc);
        System.arraycopy(original, 0, tampered, 0, 16);
        Files.write(cache("b", "m", 2), tampered);
        String firstDifference = PycDiff.compare(original, tampered).summary();
        // stale (timestamp): the source touched
        Path e = src.resolve("e/m.py");
        Files.setLastModifiedTime(e, FileTime.fromMillis(Files.getLastModifiedTime(e).toMillis() + 10_000));
        // stale (hash): the source of checked-hash pycs edited
        Files.writeString(src.resolve("c/m.py"), "x = {'k': (1, 2.5, None)}\n# edited\n");
        // no source: d/m.py removed, its pycs left
        Files.delete(src.resolve("d/m.py"));
        // source rejected: g/m.py replaced by a syntax error of the same size and mtime
        Path g = src.resolve("g/m.py");
        FileTime gTime = Files.getLastModifiedTime(g);
        String gText = Files.readString(g);
        String broken = "def h(*a, **k)\n    return a, k\n";
        Files.writeString(g, broken + "\n".repeat(gText.length() - broken.length()));
        assertEquals(gText.length(), Files.size(g));
        Files.setLastModifiedTime(g, gTime);
        // missing: a source given without pycs
        Path f = write("f/m.py", "y = 1\n");

        // what the real interpreter raises for the broken source, printed as jpyc prints errors
        String rejection = py(python, "import sys\ntry:\n    compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec')\n"
                + "except SyntaxError as e:\n"
                + "    print('%s(%r, lineno=%r, offset=%r, end_lineno=%r, end_offset=%r)' % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset), end='')\n",
                g.toString());
        assertTrue(rejection.startsWith("SyntaxError("), rejection);

        Run r = jpyc("verify", "--target", "3.13", src.toString(), f.toString());
        Run serial = jpyc("verify", "--target", "3.13", "-j", "1", src.toString(), f.toString());
        assertEquals(r.out(), serial.out());
        assertEquals(1, r.status(), r.out() + r.err());
        Map<String, String> reports = r.reports();
        Map<String, String> expected = new TreeMap<>();
        expected.put(cache("a", "m", 0).toString(), "another optimization level: the code is what optimize=2 gives, the name says optimize=0");
        expected.put(cache("b", "__init__", 0).toString(), "another co_filename: co_filename is '/elsewhere/b/__init__.py', not '"
                + src.resolve("b/__init__.py") + "'");
        for (int level = 0; level <= 2; level++) {
            assertTrue(reports.get(cache("c", "m", level).toString()).startsWith("stale: the header's source hash "), reports.toString());
            expected.put(cache("c", "m", level).toString(), reports.get(cache("c", "m", level).toString()));
            expected.put(cache("d", "m", level).toString(), "no source: " + src.resolve("d/m.py") + " does not exist");
            assertTrue(reports.get(cache("e", "m", level).toString()).startsWith("stale: the header's mtime "), reports.toString());
            expected.put(cache("e", "m", level).toString(), reports.get(cache("e", "m", level).toString()));
            expected.put(cache("g", "m", level).toString(), "source rejected: " + rejection);
        }
        String t = reports.get(cache("b", "m", 2).toString());
        assertTrue(t.startsWith("tampered: " + firstDifference + "; "), t + " vs " + firstDifference);
        expected.put(cache("b", "m", 2).toString(), t);
        if (py312.isPresent()) {
            expected.put(cache("b", "m", 1).toString(), "another version: magic number " + magic(py312.get()) + " is CPython 3.12's, not 3.13's ("
                    + magic(python) + ")");
        }
        expected.put(f.getParent().resolve("__pycache__/m." + TAG + ".pyc").toString(), "missing: no pyc for " + f
                + " at its cache paths (optimize=0,1,2)");
        assertEquals(expected, reports);
        int versions = py312.isPresent() ? 1 : 0;
        assertEquals("verify: 22 pycs checked: " + (22 - expected.size()) + " as CPython 3.13 writes them, " + expected.size()
                + " not (" + (versions == 1 ? "another version 1, " : "") + "no source 3, stale 6, source rejected 3, another co_filename 1,"
                + " another optimization level 1, tampered 1, missing 1)"
                + (py312.isPresent() ? "; 7 skipped (other cache tags)" : ""), r.summary());

        // with --any-filename the co_filename the pyc records is taken as given; --optimization selects levels
        Run any = jpyc("verify", "--target", "3.13", "--any-filename", "--optimization", "0", src.resolve("b").toString());
        assertEquals(0, any.status(), any.out());
        assertEquals("verify: 2 pycs checked: 2 as CPython 3.13 writes them, 0 not" + (py312.isPresent() ? "; 2 skipped (other cache tags)" : ""),
                any.summary());
    }

    /** The interpreter's magic number ({@code importlib.util.MAGIC_NUMBER}) as an integer. */
    private static String magic(Path python) throws IOException, InterruptedException {
        return py(python, "import importlib.util; print(int.from_bytes(importlib.util.MAGIC_NUMBER[:2], 'little'), end='')");
    }

    /**
     * {@code python -m compileall} imports argparse before compiling, which interns strings a fresh
     * {@code py_compile} process has not: its pyc of argparse.py has the same values in another marshal
     * encoding. That is CPython's own output, so it passes, named, unless {@code --exact}.
     */
    @Test
    void compileallsInterningIsAnotherEncodingNotTampering() throws Exception {
        Path lib = python.getParent().getParent().resolve("lib/python3.13/argparse.py");
        Assumptions.assumeTrue(Files.isRegularFile(lib), lib.toString());
        Path a = src.resolve("argparse.py");
        Files.createDirectories(src);
        Files.copy(lib, a);
        Path fresh = tmp.resolve("fresh.pyc");
        py(python, "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)", a.toString(), fresh.toString());
        pyArgs(python, List.of("-m", "compileall", "-q", a.toString()));
        Path pyc = src.resolve("__pycache__/argparse." + TAG + ".pyc");
        PycDiff d = PycDiff.compare(Files.readAllBytes(fresh), Files.readAllBytes(pyc));
        assertTrue(!d.identical() && (d.first().kind() == DiffKind.REFERENCES || d.first().kind() == DiffKind.FORM), d.summary());

        Run r = jpyc("verify", "--target", "3.13", a.toString());
        assertEquals(0, r.status(), r.out());
        assertTrue(r.reports().get(pyc.toString()).startsWith("another marshal encoding: " + d.summary() + "; py_compile writes "), r.out());
        assertEquals("verify: 1 pyc checked: 0 as CPython 3.13 writes them, 1 with its values in another marshal encoding, 0 not", r.summary());
        assertEquals(1, jpyc("verify", "--target", "3.13", "--exact", a.toString()).status());
        // the fresh process's pyc in its place is exactly what jpyc expects
        Files.copy(fresh, pyc, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Run f = jpyc("verify", "--target", "3.13", "--exact", a.toString());
        assertEquals(0, f.status(), f.out());
    }

    @Test
    void badArgumentsAreStatusTwo() throws IOException {
        Files.createDirectories(src);
        assertEquals(2, jpyc("verify", "--target", "3.9", src.toString()).status());
        assertEquals(2, jpyc("verify", "--target", "3.13", "--optimization", "3", src.toString()).status());
        Run missing = jpyc("verify", "--target", "3.13", src.resolve("nope.py").toString());
        assertEquals(2, missing.status());
        assertEquals("jpyc verify: cannot read " + src.resolve("nope.py") + ": no such file or directory\n", missing.err());
    }
}
