package org.jpyc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jpyc.testing.EmbeddedPython;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code jpyc compileall --target X.Y} against the real {@code pythonX.Y -m compileall}, for each version the
 * compiler targets (3.10-3.14 embedded, 3.15 the oracle image's through {@code docker/offline/bin}): both run on
 * their own copy of the same tree (packages, symlinks to files in and out of the tree and to a directory,
 * a broken link, syntax errors, non-Python files, deep directories), from the copy as working directory
 * with the same relative arguments, and must leave the same files (names, kinds, bytes, hard links) and
 * print the same stdout with the same exit status. Every expected value comes from the interpreter.
 */
class CompileallCommandTest {
    private Path python;
    private String version;
    /** Whether the tree holds {@code t/pkg/nested.py}, whose bytes depend on what the compiling process interned. */
    private boolean withProcessStateCase = true;

    @TempDir
    Path tmp;

    /** Every version the compiler targets, sorted: each test runs once per version. */
    static Stream<String> targets() {
        return org.jpyc.compile.Compiler.targets().stream().sorted().map(PyVersion::toString);
    }

    /** Runs the test for {@code v}: its interpreter, or the test is skipped when this machine has none. */
    private void use(String v) {
        version = v;
        python = EmbeddedPython.find(v).orElse(null);
        Assumptions.assumeTrue(python != null, "no CPython " + v + " (embedded under ~/.cache/jpyc/cpython; 3.15: the Docker image)");
    }

    /** What one side did: exit status and stdout. */
    private record Outcome(int status, String stdout) {}

    /** The tree, with fixed mtimes so that timestamp pycs of both copies agree. */
    private void makeTree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        files.put("t/a.py", "x = 1\ndef f(y):\n    return x + y\n");
        files.put("t/bad.py", "x = 1\ndef f(:\n    pass\n");
        files.put("t/indent.py", "if 1:\n  x = 1\n   y = 2\n");
        files.put("t/uni.py", "s = 'h\u00e9llo \u20ac'\nprint(s)\n");
        files.put("t/notes.txt", "not python\n");
        files.put("t/pkg/__init__.py", "\"\"\"Package doc.\"\"\"\nassert True, 'kept at -O0'\nVALUE = 3\n");
        files.put("t/pkg/plain.py", "def g():\n    return [i * i for i in range(3)]\n");
        files.put("t/pkg/skip_me.py", "y = 2\n");
        files.put("t/pkg/sub/m.py", "class K:\n    'doc'\n    v = {1: 'a'}\n");
        files.put("t/pkg/sub/deep/d.py", "import os\n");
        files.put("t/pkg/sub/deep/baddeep.py", "return 1\n");
        files.put("t/tokerr.py", "x = 1\ny = 1a\n");
        // nested-class qualnames that compileall's process (functools, argparse loaded) or its -j workers
        // (weakref, no argparse) have interned already: three different pycs for py_compile, compileall and -j
        if (withProcessStateCase) files.put("t/pkg/nested.py", "def cmp_to_key(mycmp):\n    class K(object):\n        __slots__ = ['obj']\n    return K\n\n"
                + "class HelpFormatter:\n    class _Section(object):\n        pass\n\n"
                + "class finalize:\n    class _Info:\n        __slots__ = ('weakref',)\n");
        files.put("out/ext.py", "z = 'outside'\n");
        // other files at the names -d alt gives the sources: the error lines CPython shows come from here
        files.put("alt/bad.py", "first = 1\nsecond_line_here = 2\n");
        files.put("alt/tokerr.py", "a\nbbbbbbbbbbbbb\n");
        files.put("alt/pkg/sub/deep/baddeep.py", "zzz\n");
        long mtime = 1_700_000_000L;
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            Files.setLastModifiedTime(p, FileTime.fromMillis(mtime++ * 1000));
        }
        Files.createSymbolicLink(root.resolve("t/pkg/link.py"), Path.of("../a.py"));
        Files.createSymbolicLink(root.resolve("t/ext.py"), Path.of("../out/ext.py"));
        Files.createSymbolicLink(root.resolve("t/broken.py"), Path.of("nowhere.py"));
        Files.createSymbolicLink(root.resolve("t/dirlink"), Path.of("pkg"));
        Files.writeString(root.resolve("list.txt"), "t/a.py\n  t/pkg/sub  \r\n\nt/pkg/plain.py\n", StandardCharsets.UTF_8);
    }

    private Outcome runCPython(Path cwd, String stdin, Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), "-B", "-m", "compileall"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PYTHON") || k.equals("SOURCE_DATE_EPOCH"));
        pb.environment().put("PYTHONHASHSEED", "0");
        pb.environment().put("PYTHONUTF8", "1");
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(p.waitFor(), out);
    }

    private Outcome runJpyc(Path cwd, String stdin, Map<String, String> env, List<String> args) {
        CompileallCommand cmd = new CompileallCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cmd.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        cmd.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        cmd.cwd = cwd;
        cmd.sourceDateEpoch = env.get("SOURCE_DATE_EPOCH");
        cmd.pycachePrefix = env.get("PYTHONPYCACHEPREFIX");
        if (stdin != null) cmd.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        List<String> all = new ArrayList<>(args);
        if (!all.contains("--target")) all.addAll(0, List.of("--target", version));
        CommandLine cl = new CommandLine(cmd);
        cl.setAbbreviatedOptionsAllowed(true); // as Main sets it for compileall
        cl.setErr(new java.io.PrintWriter(new ByteArrayOutputStream()));
        int status = cl.execute(all.toArray(String[]::new));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8));
    }

    /** Every path under root (links not followed): kind, bytes of regular files, and which are one inode. */
    private static String describe(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        Map<Object, String> firstOfInode = new HashMap<>();
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.sorted().toList();
        }
        for (Path p : all) {
            String rel = root.relativize(p).toString();
            if (Files.isSymbolicLink(p)) {
                sb.append(rel).append(" -> ").append(Files.readSymbolicLink(p)).append('\n');
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                sb.append(rel).append("/\n");
            } else {
                byte[] b = Files.readAllBytes(p);
                Object inode = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
                String same = firstOfInode.putIfAbsent(inode, rel);
                sb.append(rel).append(" ").append(b.length).append(" bytes ").append(Arrays.hashCode(b))
                        .append(same != null ? " hard link of " + same : "").append('\n');
            }
        }
        // a pycache prefix holds the sources' absolute directories: each copy's own root reads the same
        return sb.toString().replace(root.toAbsolutePath().toString().substring(1), "<root>");
    }

    /**
     * Runs each argument list in turn on both copies (a sequence shares its tree, so later runs see the
     * pycs of earlier ones) and compares after each run.
     */
    private void same(String stdin, Map<String, String> env, boolean unordered, List<List<String>> runs) throws Exception {
        Path py = Files.createDirectories(tmp.resolve("cpython"));
        Path jp = Files.createDirectories(tmp.resolve("jpyc"));
        makeTree(py);
        makeTree(jp);
        for (List<String> args : runs) {
            Outcome expected = runCPython(py, stdin, env, args);
            Outcome actual = runJpyc(jp, stdin, env, args);
            String what = "compileall " + String.join(" ", args);
            assertEquals(expected.status(), actual.status(), what + ": exit status; CPython printed\n" + expected.stdout()
                    + "\njpyc printed\n" + actual.stdout());
            if (unordered) {
                assertEquals(sortedLines(expected.stdout()), sortedLines(actual.stdout()), what + ": stdout lines");
            } else {
                assertEquals(expected.stdout(), actual.stdout(), what + ": stdout");
            }
            assertEquals(describe(py), describe(jp), what + ": files");
        }
    }

    private static List<String> sortedLines(String s) {
        return Arrays.stream(s.split("\n", -1)).sorted().toList();
    }

    private void same(String... args) throws Exception {
        same(null, Map.of(), false, List.of(List.of(args)));
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aTreeWithPackagesSymlinksAndErrors(String v) throws Exception {
        use(v);
        same("t");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void quietLevels(String v) throws Exception {
        use(v);
        same("-q", "t");
        cleanup();
        same("-qq", "t", "nope");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void recursionLimits(String v) throws Exception {
        use(v);
        same("-l", "t");
        cleanup();
        same("-r", "1", "t");
        cleanup();
        same("-l", "-r", "2", "t");
        cleanup();
        same("-r", "-1", "t/");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void filesDirectoriesAndMissingPathsAsArguments(String v) throws Exception {
        use(v);
        same("t/a.py", "t/bad.py", "t/notes.txt", "nope", "t/pkg/", "t/dirlink", "t/broken.py", "t/a.py/");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void withoutForceOnlyStaleSourcesAreCompiledAgain(String v) throws Exception {
        use(v);
        same(null, Map.of(), false, List.of(
                List.of("t"),
                List.of("t"),
                List.of("-o", "1", "t/pkg"),
                List.of("-o", "0", "-o", "1", "t/pkg"),
                List.of("--invalidation-mode", "checked-hash", "t/pkg/sub"),
                List.of("t/pkg/sub"),
                List.of("-f", "-q", "t")));
    }

    @ParameterizedTest
    @MethodSource("targets")
    void excludeRegexIsSearchedInTheFullPath(String v) throws Exception {
        use(v);
        same("-x", "skip_me|bad", "t");
        cleanup();
        same("-x", "^t/pkg/sub", "t");
        cleanup();
        same("-x", "[.]txt$|d(?P<n>ee)p", "t");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void destDirStripDirAndPrependDirRewriteCoFilename(String v) throws Exception {
        use(v);
        same("-d", "/installed/lib", "t", "t/a.py", "t/bad.py");
        cleanup();
        same("-s", "t", "-p", "/usr/lib/python3.13/site-packages", "t");
        cleanup();
        same("-s", "t/pkg", "t");
        cleanup();
        same("-s", "t/", "t");
        cleanup();
        same("-p", "/prefix", "t", "t/bad.py");
        cleanup();
        same("-d", "", "t");
        cleanup();
        same("-d", "alt", "t");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void legacyLocations(String v) throws Exception {
        use(v);
        same("-b", "t");
        cleanup();
        same("-b", "-o", "1", "-o", "2", "--hardlink-dupes", "t/pkg");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void severalOptimizationLevelsAndHardlinkedDuplicates(String v) throws Exception {
        use(v);
        same("-o", "0", "-o", "1", "-o", "2", "t");
        cleanup();
        same("-o", "2", "-o", "0", "-o", "1", "-o", "2", "--hardlink-dupes", "t");
        cleanup();
        same("-o", "-1", "-o", "0", "--hardlink-dupes", "t/a.py");
        cleanup();
        same("-o", "3", "-q", "t/a.py");
        cleanup();
        same("--hardlink-dupes", "t");
        cleanup();
        same("-o", "1", "-o", "1", "--hardlink-dupes", "t/a.py");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void symlinksOutOfTheLimitDirAreSkipped(String v) throws Exception {
        use(v);
        same("-e", "t", "t");
        cleanup();
        same("-e", "t/pkg", "t");
        cleanup();
        same("-e", "t/pkg", "t/pkg/link.py", "t/ext.py");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void fileListsFromAFileAndFromStdin(String v) throws Exception {
        use(v);
        same("-i", "list.txt");
        cleanup();
        same("-i", "list.txt", "t/pkg/sub/deep");
        cleanup();
        same("-i", "nolist.txt", "t");
        cleanup();
        same("t/a.py\nt/pkg\n", Map.of(), false, List.of(List.of("-i", "-")));
    }

    @ParameterizedTest
    @MethodSource("targets")
    void invalidationModes(String v) throws Exception {
        use(v);
        same("--invalidation-mode", "unchecked-hash", "-o", "0", "-o", "2", "t");
        cleanup();
        same(null, Map.of("SOURCE_DATE_EPOCH", "1700000000"), false, List.of(List.of("t")));
        cleanup();
        same("--invalidation-mode", "bogus", "t");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void pycachePrefixFromTheEnvironment(String v) throws Exception {
        use(v);
        // A pycache prefix moves the interpreter's own stdlib pycs too: compileall's process finds none under
        // pfx/ and compiles what it imports from source, which interns other strings than loading the pycs
        // an installed stdlib ships (Debian's 3.15 in the image does; the embedded builds ship none, so their
        // processes always compile from source). nested.py's bytes depend on exactly that (see makeTree);
        // jpyc's compileall tables are taken without a prefix. The other tests cover nested.py.
        withProcessStateCase = false;
        same(null, Map.of("PYTHONPYCACHEPREFIX", "pfx"), false, List.of(
                List.of("-o", "0", "-o", "1", "--hardlink-dupes", "t"),
                List.of("t/pkg"),
                List.of("-b", "t/a.py")));
    }

    @ParameterizedTest
    @MethodSource("targets")
    void workersGiveTheSameFilesAndLines(String v) throws Exception {
        use(v);
        same(null, Map.of(), true, List.of(List.of("-j", "2", "t"), List.of("-j", "0", "-f", "-o", "1", "-o", "2", "t")));
        cleanup();
        same("-j", "-1", "t");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void longOptionsMayBeAbbreviatedAsArgparseAllows(String v) throws Exception {
        use(v);
        same(null, Map.of(), true, List.of(List.of("--hardlink", "-o", "1", "-o", "2", "--inv", "checked-hash", "--work", "2", "t")));
    }

    @ParameterizedTest
    @MethodSource("targets")
    void usageErrors(String v) throws Exception {
        use(v);
        same("-d", "x", "-s", "y", "t");
        cleanup();
        same("-d", "x", "-p", "y", "t");
    }

    @Test
    void otherTargetsAreRefused() {
        // versions the compiler does not target: read-only ones, the ones in progress, unknown ones
        List<String> refused = new java.util.ArrayList<>(List.of("3.9", "4.0", "x"));
        for (org.jpyc.version.PyVersion p : org.jpyc.compile.Compiler.inProgress()) refused.add(p.toString());
        for (String v : refused) {
            Outcome o = runJpyc(tmp, null, Map.of(), List.of("--target", v, "t"));
            assertEquals(2, o.status(), v);
            assertTrue(o.stdout().isEmpty(), v);
        }
    }

    private void cleanup() throws IOException {
        for (String side : List.of("cpython", "jpyc")) {
            Path p = tmp.resolve(side);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) continue;
            try (Stream<Path> s = Files.walk(p)) {
                for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
            }
        }
    }
}
