package org.jpyc.codediff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded CPython 3.13 the conformance module unpacks under {@code ~/.cache/jpyc/cpython/}, if
 * present: tests that need CPython's own pyc bytes skip without it.
 */
public final class CPythonForTests {
    private CPythonForTests() {}

    /** {@code .../cpython/3.13.*}/bin/python3.13, or empty. */
    public static Optional<Path> python313() {
        return org.jpyc.testing.EmbeddedPython.python313();
    }

    /**
     * What {@code py_compile.compile(src, cfile, dfile, optimize=opt)} writes for {@code source}
     * (timestamp mode, the file's mtime set to {@code mtime}), run by {@code python}.
     */
    public static byte[] pyCompile(Path python, String source, String dfile, int optimize, long mtime) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jpyc-cpython-");
        try {
            Path src = dir.resolve("m.py");
            Path pyc = dir.resolve("m.pyc");
            Files.writeString(src, source);
            Files.setLastModifiedTime(src, java.nio.file.attribute.FileTime.fromMillis(mtime * 1000));
            ProcessBuilder pb = new ProcessBuilder(python.toString(), "-s", "-B", "-c",
                    "import py_compile,sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[3], doraise=True,"
                            + " optimize=int(sys.argv[4]), invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)",
                    src.toString(), pyc.toString(), dfile, Integer.toString(optimize));
            pb.environment().keySet().removeIf(k -> k.startsWith("PYTHON"));
            pb.environment().put("PYTHONHASHSEED", "0");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) throw new IOException("py_compile failed: " + out);
            return Files.readAllBytes(pyc);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
