package org.jpyc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jpyc.codediff.CPythonForTests;
import org.jpyc.pyc.PycHeader;
import org.jpyc.pyc.InvalidationMode;
import org.jpyc.source.PyCompileError;
import org.jpyc.testing.EmbeddedPython;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code jpyc compile} run as a user would, with a stand-in compiler (CPython itself, through
 * py_compile, since jpyc's compiler is being written): the files it writes must be the bytes CPython's
 * {@code py_compile.compile(path)} writes to the same place, same-named sources in different folders
 * included, and a rejected source must print what py_compile prints.
 */
class CompileCommandTest {
    private static Path python;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findPython() {
        python = CPythonForTests.python313().orElse(null);
        Assumptions.assumeTrue(python != null, "no embedded CPython 3.13 under ~/.cache/jpyc/cpython");
    }

    /** CPython as the compiler: the marshal data py_compile writes after the header, or its SyntaxError. */
    private static final PycBackend CPYTHON = (source, filename, target, optimize) -> {
        try {
            Path dir = Files.createTempDirectory("jpyc-standin-");
            Path src = dir.resolve("s.py");
            Path pyc = dir.resolve("s.pyc");
            Files.write(src, source);
            String script = "import py_compile,sys\n"
                    + "try:\n  py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[3], doraise=True, optimize=int(sys.argv[4]))\n"
                    + "except py_compile.PyCompileError as e:\n  x = e.exc_value\n"
                    + "  print(type(x).__name__); print(x.msg); print(x.lineno); print(x.offset); print(x.end_lineno); print(x.end_offset)\n";
            try {
                String out = run(List.of(python.toString(), "-s", "-B", "-c", script, src.toString(), pyc.toString(), filename,
                        Integer.toString(optimize)), null);
                if (!out.isEmpty()) {
                    String[] l = out.split("\n");
                    throw new PyCompileError(l[0], l[1], num(l[2]), num(l[3]), num(l[4]), num(l[5]), -1);
                }
                byte[] all = Files.readAllBytes(pyc);
                return Arrays.copyOfRange(all, 16, all.length);
            } finally { // a rejected source leaves no pyc: delete what is there
                Files.deleteIfExists(pyc);
                Files.deleteIfExists(src);
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    };

    private static Integer num(String s) {
        return s.equals("None") ? null : Integer.valueOf(s);
    }

    private static String run(List<String> cmd, Path stderrTo) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("PYTHON"));
        pb.environment().put("PYTHONHASHSEED", "0");
        if (stderrTo != null) pb.redirectError(stderrTo.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        return out;
    }

    /** Runs {@code jpyc compile ARGS}; returns exit status and stderr. */
    private record Run(int status, String stderr) {}

    private static Run jpycCompile(String epoch, String... args) {
        return jpycCompileWith(CPYTHON, epoch, args);
    }

    private static Run jpycCompileWith(PycBackend backend, String epoch, String... args) {
        CompileCommand cmd = new CompileCommand();
        cmd.backend = backend;
        cmd.sourceDateEpoch = epoch;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = new CommandLine(cmd).execute(args);
            return new Run(status, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    /** What CPython's py_compile.compile(path, doraise=False) writes (to the default cache path) and prints. */
    private String cpythonCompile(Path src, int optimize) throws IOException {
        Path err = tmp.resolve("py-stderr.txt");
        run(List.of(python.toString(), "-s", "-B", "-c", "import py_compile,sys; py_compile.compile(sys.argv[1], optimize=int(sys.argv[2]))",
                src.toString(), Integer.toString(optimize)), err);
        return Files.readString(err);
    }

    private Path write(String rel, String text) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static Path cache(Path src, int opt) {
        String tag = opt == 0 ? "" : ".opt-" + opt;
        String name = src.getFileName().toString().replace(".py", ".cpython-313" + tag + ".pyc");
        return src.getParent().resolve("__pycache__").resolve(name);
    }

    @Test
    void sameNamesInDifferentFoldersGetCPythonsBytesInTheirOwnCaches() throws IOException {
        Path a = write("a/m.py", "def f(x):\n    return x + 1\n");
        Path b = write("b/m.py", "class K:\n    'doc'\n    v = [1, 2]\n");
        Path c = write("a/sub/m.py", "import sys\nprint(sys.argv)\n");
        for (int opt = 0; opt <= 2; opt++) {
            Run r = jpycCompile(null, "--target", "3.13", "--optimization", Integer.toString(opt), tmp.resolve("a").toString(), b.toString());
            assertEquals(0, r.status(), r.stderr());
            List<byte[]> mine = new ArrayList<>();
            for (Path p : List.of(a, b, c)) {
                mine.add(Files.readAllBytes(cache(p, opt)));
                Files.delete(cache(p, opt));
            }
            for (int i = 0; i < 3; i++) {
                Path p = List.of(a, b, c).get(i);
                assertEquals("", cpythonCompile(p, opt));
                assertArrayEquals(Files.readAllBytes(cache(p, opt)), mine.get(i), p + " at optimize " + opt);
            }
        }
    }

    @Test
    void outDirTakesThePathAsGivenAndJobsDoNotChangeBytes() throws IOException {
        for (int i = 0; i < 12; i++) write("pkg/d" + (i % 3) + "/m" + i + ".py", "x = " + i + "\ndef g():\n    return 'v" + i + "'\n");
        Path out1 = tmp.resolve("out1");
        Path out4 = tmp.resolve("out4");
        String dir = tmp.resolve("pkg").toString();
        assertEquals(0, jpycCompile(null, "--target", "3.13", "--out-dir", out1.toString(), "-j", "1", dir).status());
        assertEquals(0, jpycCompile(null, "--target", "3.13", "--out-dir", out4.toString(), "-j", "4", dir).status());
        Path given = tmp.resolve("pkg/d1/m4.py");
        Path expected = out1.resolve(given.getRoot().relativize(given) + "c");
        assertTrue(Files.isRegularFile(expected), expected.toString());
        for (int i = 0; i < 12; i++) {
            Path src = tmp.resolve("pkg/d" + (i % 3) + "/m" + i + ".py");
            String rel = src.getRoot().relativize(src) + "c";
            assertArrayEquals(Files.readAllBytes(out1.resolve(rel)), Files.readAllBytes(out4.resolve(rel)));
            assertFalse(Files.exists(cache(src, 0)), "no cache file with --out-dir");
        }
    }

    @Test
    void sourceDateEpochMakesCheckedHashPycs() throws IOException {
        Path a = write("h/m.py", "y = 2\n");
        assertEquals(0, jpycCompile("1700000000", "--target", "3.13", a.toString()).status());
        PycHeader h = PycHeader.read(Files.readAllBytes(cache(a, 0)));
        assertEquals(InvalidationMode.CHECKED_HASH, h.invalidationMode());
        assertEquals(0, jpycCompile(null, "--target", "3.13", "--invalidation-mode", "unchecked-hash", a.toString()).status());
        assertEquals(InvalidationMode.UNCHECKED_HASH, PycHeader.read(Files.readAllBytes(cache(a, 0))).invalidationMode());
        assertEquals(PyVersion.V3_13, h.version());
    }

    @Test
    void aRejectedSourcePrintsWhatPyCompilePrintsAndTheOthersAreWritten() throws IOException {
        Path good = write("e/good.py", "z = 3\n");
        Path bad = write("e/bad.py", "x = 1\ndef f(:\n    pass\n");
        Path indent = write("e/indent.py", "if 1:\n  x\n   y\n");
        Path outside = write("e/outside.py", "def f():\n    pass\nreturn 3\n");
        Path nul = write("e/nul.py", "x = 1\0\n");
        Run r = jpycCompile(null, "--target", "3.13", tmp.resolve("e").toString());
        assertEquals(1, r.status());
        assertTrue(Files.isRegularFile(cache(good, 0)));
        assertFalse(Files.exists(cache(bad, 0)));
        assertFalse(Files.exists(cache(indent, 0)));
        StringBuilder expected = new StringBuilder();
        for (Path p : List.of(bad, good, indent, nul, outside)) expected.append(cpythonCompile(p, 0)); // directory order
        assertEquals(expected.toString(), r.stderr());
    }

    /**
     * jpyc's own compiler: for a source that is the file its filename names, py_compile's SyntaxError takes its line
     * from the file ({@code _PyErr_ProgramDecodedTextObject}: at most 999 bytes, a BOM dropped, decoded as the file
     * declares), and pegen counts the columns on that line, so a line longer than 999 bytes gets its caret at column
     * 1000. The library's {@code Compiler.compile} counts them on the tokenizer's line; the CLI parses again as a file.
     */
    @Test
    void aRejectedFileIsPrintedWithTheLineCPythonReadsFromTheFile() throws IOException {
        write("f/long_parser.py", "x = " + "1 + ".repeat(400) + "(a b)\n");
        write("f/long_utf8.py", "x = \"" + "\u00e9".repeat(600) + "\" + (a b)\n");
        write("f/long_compiler.py", "x = \"" + "\u00e9".repeat(600) + "\"; return 1\n");
        write("f/bom_compiler.py", "\ufeffreturn 1\n");
        Files.write(tmp.resolve("f/latin1_compiler.py"),
                "# -*- coding: latin-1 -*-\nx = \"\u00e9\"; return 1\n".getBytes(StandardCharsets.ISO_8859_1));
        write("f/multiline.py", "def label(count, limit):\n    return ((\n        \"many\") * 2 if count > limit)\n");
        write("f/no_newline.py", "x = 1\nclass A");
        Run r = jpycCompileWith(PycBackend.JPYC, null, "--target", "3.13", tmp.resolve("f").toString());
        assertEquals(1, r.status());
        StringBuilder expected = new StringBuilder();
        for (String n : List.of("bom_compiler", "latin1_compiler", "long_compiler", "long_parser", "long_utf8", "multiline", "no_newline")) {
            expected.append(cpythonCompile(tmp.resolve("f/" + n + ".py"), 0)); // directory order
        }
        assertEquals(expected.toString(), r.stderr());
    }

    /**
     * Each embedded version's py_compile prints a rejected source with its own traceback.py (3.10-3.12 use the
     * offsets as they are, 3.13 clamps the carets to the line: {@code SYNTAX_ERROR_CARETS_CLAMPED}); jpyc's
     * compiler, targeting that version, prints the same.
     */
    @ParameterizedTest
    @ValueSource(strings = {"3.10", "3.11", "3.12", "3.13", "3.14"})
    void eachVersionPrintsARejectedSourceAsItsPyCompileDoes(String v) throws IOException {
        Path py = EmbeddedPython.find(v).orElse(null);
        Assumptions.assumeTrue(py != null, "no embedded CPython " + v);
        write("g/bad.py", "x = 1\ndef f(:\n    pass\n");
        write("g/indent.py", "if 1:\n  x\n   y\n");
        write("g/outside.py", "def f():\n    pass\nreturn 3\n");
        write("g/nul.py", "x = 1\0\n");
        write("g/long_compiler.py", "x = \"" + "\u00e9".repeat(600) + "\"; return 1\n");
        write("g/multiline.py", "def label(count, limit):\n    return ((\n        \"many\") * 2 if count > limit)\n");
        write("g/unclosed.py", "x = (1,\n     2\ny = 3\n");
        write("g/tab.py", "if 1:\n\tx = 1\n        y = 2\n");
        write("g/no_newline.py", "x = 1\nclass A");
        Run r = jpycCompileWith(PycBackend.JPYC, null, "--target", v, tmp.resolve("g").toString());
        assertEquals(1, r.status());
        StringBuilder expected = new StringBuilder();
        for (String n : List.of("bad", "indent", "long_compiler", "multiline", "no_newline", "nul", "outside", "tab", "unclosed")) {
            Path err = tmp.resolve("py-stderr.txt");
            run(List.of(py.toString(), "-s", "-B", "-c", "import py_compile,sys; py_compile.compile(sys.argv[1])",
                    tmp.resolve("g/" + n + ".py").toString()), err);
            expected.append(Files.readString(err)); // directory order
        }
        assertEquals(expected.toString(), r.stderr());
    }

    @Test
    void aTreeIsFoundInPathOrderAndSeveralThreadsTakeTheLargestSourcesFirst() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("tree"));
        Files.createDirectories(root.resolve("pkg"));
        Files.writeString(root.resolve("a.py"), "x = 1\n");
        Files.writeString(root.resolve("pkg/b.py"), "y = 2\n".repeat(50));
        Files.writeString(root.resolve("c.py"), "z = 3\n".repeat(10));
        Files.writeString(root.resolve("notes.txt"), "not a source\n");
        Files.createDirectories(root.resolve("d.py"));                      // a directory named like a source
        Files.createSymbolicLink(root.resolve("e.py"), root.resolve("c.py")); // a link to a source counts
        List<CompileCommand.Source> found = new ArrayList<>();
        CompileCommand.find(root.toString(), found::add);
        found.sort(CompileCommand.SOURCE_ORDER);
        assertEquals(List.of("a.py", "c.py", "e.py", "pkg/b.py"),
                found.stream().map(f -> root.relativize(Path.of(f.given())).toString()).toList());
        assertEquals(List.of(6L, 60L, 60L, 300L), found.stream().map(CompileCommand.Source::size).toList());
        List<CompileCommand.Job> queued = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) queued.add(new CompileCommand.Job(found.get(i), i, () -> null));
        queued.sort(null); // the compile threads' queue order: the largest first, equal sizes in the order found
        assertEquals(List.of("pkg/b.py", "c.py", "e.py", "a.py"),
                queued.stream().map(j -> root.relativize(Path.of(j.source.given())).toString()).toList());
    }

    @Test
    void aMissingPathIsStatusTwo() {
        Run r = jpycCompile(null, "--target", "3.13", tmp.resolve("nope.py").toString());
        assertEquals(2, r.status());
        assertTrue(r.stderr().contains("nope.py"), r.stderr());
    }

    @Test
    void theDirectParserKnowsEveryOptionAndReadsWhatItTakesAsPicocliDoes() {
        List<String> annotated = new ArrayList<>();
        for (java.lang.reflect.Field f : CompileCommand.class.getDeclaredFields()) {
            CommandLine.Option o = f.getAnnotation(CommandLine.Option.class);
            if (o != null) annotated.addAll(Arrays.asList(o.names()));
        }
        assertEquals(annotated.stream().sorted().toList(), CompileCommand.DIRECT_OPTIONS.stream().sorted().toList());
        List<List<String>> taken = List.of(
                List.of("--target", "3.13", "a.py"),
                List.of("--target=3.14", "--optimization", "2", "-j", "1", "a.py", "dir/", ""),
                List.of("a.py", "--out-dir", "out", "--target", "3.15", "b.py", "--pycache-prefix=/tmp/pfx"),
                List.of("--invalidation-mode", "checked-hash", "--target", "3.13", "--optimization=+1", "-j", "010", "x y.py"),
                List.of("--target", "", "--out-dir=", "a.py"));
        for (List<String> args : taken) {
            CompileCommand direct = CompileCommand.parseDirect(args);
            CompileCommand picocli = new CompileCommand();
            new CommandLine(picocli).parseArgs(args.toArray(String[]::new));
            assertTrue(direct != null, "taken: " + args);
            assertEquals(List.of(picocli.target, picocli.optimization, String.valueOf(picocli.invalidationMode),
                    String.valueOf(picocli.pycachePrefix), String.valueOf(picocli.outDir), picocli.jobs, picocli.paths),
                    List.of(direct.target, direct.optimization, String.valueOf(direct.invalidationMode),
                    String.valueOf(direct.pycachePrefix), String.valueOf(direct.outDir), direct.jobs, direct.paths), args.toString());
        }
        List<List<String>> leftToPicocli = List.of(
                List.of("--help"), List.of("-h"), List.of("-V"), List.of("--version"), List.of(),
                List.of("a.py"), List.of("--target", "3.13"), List.of("--target", "3.13", "--", "a.py"),
                List.of("--target", "3.13", "@args.txt"), List.of("--target", "3.13", "-j4", "a.py"),
                List.of("--target", "3.13", "-j=4", "a.py"), List.of("--tar", "3.13", "a.py"),
                List.of("--target", "3.13", "--target", "3.14", "a.py"), List.of("--target", "3.13", "a.py", "-j"),
                List.of("--target", "3.13", "-j", "0x10", "a.py"), List.of("--target", "3.13", "-j", "-1", "a.py"),
                List.of("--target", "3.13", "--out-dir", "--optimization", "a.py"), List.of("--target", "3.13", "-", "a.py"),
                List.of("--target", "3.13", "--optimization", "1", "--nope", "a.py"));
        for (List<String> args : leftToPicocli) assertEquals(null, CompileCommand.parseDirect(args), args.toString());
    }
}
