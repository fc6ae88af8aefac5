package org.jpyc.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jpyc.testing.EmbeddedPython;
import org.junit.jupiter.api.Assumptions;

/** Runs a real interpreter's script over sources written as files: the tab-separated rows it prints, one per line. */
final class InterpreterRows {
    private InterpreterRows() {}

    /**
     * {@link #of} with the embedded CPython {@code minor} ({@link EmbeddedPython#find}); the calling test is skipped
     * (an assumption) where that interpreter is not here.
     */
    static List<String[]> ofEmbedded(String minor, Path dir, String script, Map<String, byte[]> sources)
            throws IOException, InterruptedException {
        Optional<Path> python = EmbeddedPython.find(minor);
        Assumptions.assumeTrue(python.isPresent(), "no CPython " + minor);
        return of(python.get(), dir, script, sources);
    }

    /**
     * Writes each source as {@code dir/<name>.py}, runs {@code python -s -B -c script <name>.py ...} in {@code dir}
     * (with no PYTHON* variable of this process), asserts exit status 0, and returns its output's lines split at tabs.
     */
    static List<String[]> of(Path python, Path dir, String script, Map<String, byte[]> sources)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), "-s", "-B", "-c", script));
        for (Map.Entry<String, byte[]> s : sources.entrySet()) {
            Files.write(dir.resolve(s.getKey() + ".py"), s.getValue());
            cmd.add(s.getKey() + ".py");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PYTHON"));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        List<String[]> rows = new ArrayList<>();
        for (String row : out.split("\n")) if (!row.isEmpty()) rows.add(row.split("\t"));
        return rows;
    }
}
