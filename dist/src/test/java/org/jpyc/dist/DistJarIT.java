package org.jpyc.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jpyc.compile.Compiler;
import org.jpyc.pyc.InvalidationMode;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar run as a user runs it: {@code java -jar jpyc.jar ...} in a directory that is not the
 * source tree, with nothing else on the class path.
 */
class DistJarIT {
    private static final Path JAR = Path.of(System.getProperty("jpyc.dist.jar", "target/jpyc.jar")).toAbsolutePath();

    record Run(int exit, String out, String err) {}

    private static Run jpyc(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(JAR.toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("jpyc-out", ".txt");
        Path err = Files.createTempFile("jpyc-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).directory(cwd.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("jpyc " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void helpListsTheCommands(@TempDir Path dir) throws Exception {
        Run r = jpyc(dir, "--help");
        assertEquals(0, r.exit(), r.err());
        for (String command : List.of("compile", "diff", "dis", "conformance")) {
            assertTrue(r.out().contains(command), "--help does not list " + command + ":\n" + r.out());
        }
    }

    @Test
    void compileWritesTheCachePathAsTheEngineDoes(@TempDir Path dir) throws Exception {
        byte[] source = "import os\n\ndef f(x, *, y=2):\n    return [i * y for i in range(x)] + [os.sep]\n"
                .getBytes(StandardCharsets.UTF_8);
        Path pkg = Files.createDirectories(dir.resolve("pkg"));
        Files.write(pkg.resolve("a.py"), source);
        Run r = jpyc(dir, "compile", "--target", "3.13", "--invalidation-mode", "unchecked-hash", "pkg");
        assertEquals(0, r.exit(), r.err());
        Path pyc = pkg.resolve("__pycache__/a.cpython-313.pyc");
        assertTrue(Files.isRegularFile(pyc), "no " + pyc + "; stderr: " + r.err());
        byte[] expected = Compiler.pyc(source, "pkg/a.py", PyVersion.V3_13, 0, InvalidationMode.UNCHECKED_HASH, 0);
        assertArrayEquals(expected, Files.readAllBytes(pyc));
        // and what the real interpreter writes for the same file, where the oracle cache holds one
        Optional<Path> python = embedded313();
        if (python.isPresent()) {
            Path ref = dir.resolve("ref.pyc");
            ProcessBuilder pb = new ProcessBuilder(python.get().toString(), "-s", "-B", "-c",
                    "import py_compile; py_compile.compile('pkg/a.py', cfile='ref.pyc', dfile='pkg/a.py', doraise=True,"
                            + " invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)")
                    .directory(dir.toFile()).inheritIO();
            pb.environment().put("PYTHONHASHSEED", "0");
            Process p = pb.start();
            assertEquals(0, p.waitFor());
            assertArrayEquals(Files.readAllBytes(ref), Files.readAllBytes(pyc), "jpyc.jar against py_compile of " + python.get());
        }
    }

    @Test
    void aSourceCPythonRejectsExitsWithOneAndWritesNothing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.py"), "def f(:\n    pass\n");
        Files.writeString(dir.resolve("good.py"), "x = 1\n");
        Run r = jpyc(dir, "compile", "--target", "3.13", "bad.py", "good.py");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("SyntaxError"), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("__pycache__/good.cpython-313.pyc")));
        assertTrue(Files.notExists(dir.resolve("__pycache__/bad.cpython-313.pyc")));
    }

    /** The 3.13 interpreter the conformance oracle unpacked, if any (the dist jar itself never needs it). */
    private static Optional<Path> embedded313() throws IOException {
        String cache = System.getenv().getOrDefault("JPYC_CACHE", System.getProperty("user.home") + "/.cache/jpyc");
        Path root = Path.of(cache, "cpython");
        if (!Files.isDirectory(root)) return Optional.empty();
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("3.13."))
                    .map(d -> d.resolve("bin/python3.13")).filter(Files::isExecutable).sorted().findFirst();
        }
    }
}
