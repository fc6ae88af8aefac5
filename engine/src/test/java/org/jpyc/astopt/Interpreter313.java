package org.jpyc.astopt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The CPython 3.13 under {@code ~/.cache/jpyc/cpython/} (or {@code $JPYC_CACHE}), if present. */
final class Interpreter313 {
    private Interpreter313() {}

    static Optional<Path> find() {
        return org.jpyc.testing.EmbeddedPython.python313();
    }

    /**
     * For each top-level statement of {@code source}, one line: {@code ast.dump(stmt, include_attributes=True)}
     * of the tree {@code compile(..., PyCF_ONLY_AST | PyCF_OPTIMIZED_AST, optimize=O)} returns, which is
     * the tree 3.13's code generator receives.
     */
    static String optimizedStatementDumps(Path python, String source, int optimize) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jpyc-astopt-");
        try {
            Path src = dir.resolve("m.py");
            Path out = dir.resolve("out.txt");
            Files.writeString(src, source, StandardCharsets.UTF_8);
            String script = "import ast,sys\n"
                    + "t = compile(open(sys.argv[1],'rb').read(), 'm.py', 'exec', flags=ast.PyCF_ONLY_AST | ast.PyCF_OPTIMIZED_AST, optimize=int(sys.argv[2]))\n"
                    + "with open(sys.argv[3], 'w', encoding='utf-8', errors='surrogatepass') as f:\n"
                    + "    for s in t.body: f.write(ast.dump(s, include_attributes=True) + '\\n')\n";
            ProcessBuilder pb = new ProcessBuilder(python.toString(), "-s", "-B", "-W", "ignore", "-c", script,
                    src.toString(), Integer.toString(optimize), out.toString());
            pb.environment().keySet().removeIf(k -> k.startsWith("PYTHON"));
            pb.environment().put("PYTHONHASHSEED", "0");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IOException("interpreter failed: " + log);
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
