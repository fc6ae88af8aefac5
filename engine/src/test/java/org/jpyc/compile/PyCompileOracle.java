package org.jpyc.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPython 3.13's {@code py_compile} for tests, when the embedded interpreter is unpacked under
 * {@code ~/.cache/jpyc/cpython/3.13.*} (tests skip without it). One process started as the project's
 * reference ({@code python -s -B -c "import py_compile,sys; ..."}) forks a child per source, so each
 * source is compiled in the state of a fresh py_compile process (no batch effects).
 */
public final class PyCompileOracle {
    /** The source files' mtime (seconds), for timestamp headers. */
    public static final long MTIME = 1_700_000_000L;

    private static final String SCRIPT = String.join("\n",
            "import py_compile,sys",
            "import os",
            "opt = int(sys.argv[1])",
            "for rel in sys.argv[2:]:",
            "    pid = os.fork()",
            "    if pid == 0:",
            "        try:",
            "            py_compile.compile(rel, cfile=rel + 'c', dfile=rel, doraise=True, optimize=opt,"
                    + " invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)",
            "            os._exit(0)",
            "        except BaseException:",
            "            os._exit(1)",
            "    os.waitpid(pid, 0)",
            "");

    private PyCompileOracle() {}

    /** {@code .../cpython/3.13.*}/bin/python3.13, or empty. */
    public static Optional<Path> python313() {
        return org.jpyc.testing.EmbeddedPython.python313();
    }

    /** The pyc py_compile writes for each source (file name -> bytes); sources it rejects are left out. */
    public static Map<String, byte[]> pyCompile(Path python, Map<String, byte[]> sources, int optimize)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jpyc-asm-oracle-");
        try {
            String[] cmd = new String[6 + sources.size()];
            cmd[0] = python.toString();
            cmd[1] = "-s";
            cmd[2] = "-B";
            cmd[3] = "-c";
            cmd[4] = SCRIPT;
            cmd[5] = Integer.toString(optimize);
            int i = 6;
            for (Map.Entry<String, byte[]> e : sources.entrySet()) {
                Path src = dir.resolve(e.getKey());
                Files.write(src, e.getValue());
                Files.setLastModifiedTime(src, FileTime.fromMillis(MTIME * 1000));
                cmd[i++] = e.getKey();
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("PYTHON"));
            pb.environment().put("PYTHONHASHSEED", "0");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) throw new IOException("py_compile failed: " + out);
            Map<String, byte[]> pycs = new LinkedHashMap<>();
            for (String name : sources.keySet()) {
                Path pyc = dir.resolve(name + "c");
                if (Files.exists(pyc)) pycs.put(name, Files.readAllBytes(pyc));
            }
            return pycs;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** A file of the interpreter's standard library. */
    public static byte[] stdlib(Path python, String rel) throws IOException {
        // .../bin/pythonX.Y -> .../lib/pythonX.Y
        return Files.readAllBytes(python.getParent().getParent().resolve("lib").resolve(python.getFileName().toString()).resolve(rel));
    }
}
