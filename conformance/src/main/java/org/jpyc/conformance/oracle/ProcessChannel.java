package org.jpyc.conformance.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code driver.py} run by a local interpreter executable (the embedded and local providers). */
final class ProcessChannel implements DriverChannel {
    private final Process process;
    private final Path stderrFile;

    private ProcessChannel(Process process, Path stderrFile) {
        this.process = process;
        this.stderrFile = stderrFile;
    }

    /**
     * Starts {@code python -s -u -B driver.py}. {@code -E}/{@code -I} would make CPython ignore
     * {@code PYTHONHASHSEED}, which fixes set iteration order (and thereby frozenset constants in
     * marshal output before 3.11), so isolation is done here instead: every {@code PYTHON*}
     * variable is removed from the environment and only ours are set.
     */
    static ProcessChannel start(Path python, Path driver, String provider, String label) {
        try {
            Path err = Files.createTempFile("jpyc-oracle-", ".stderr");
            err.toFile().deleteOnExit();
            ProcessBuilder pb = new ProcessBuilder(List.of(python.toString(), "-s", "-u", "-B", driver.toString()));
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("PYTHON") || k.equals("SOURCE_DATE_EPOCH"));
            env.putAll(DriverEnvironment.VARIABLES);
            pb.directory(driver.getParent().toFile());
            pb.redirectError(err.toFile());
            return new ProcessChannel(pb.start(), err);
        } catch (IOException e) {
            throw new OracleException(provider, label, "cannot start " + python + ": " + e.getMessage(), e);
        }
    }

    @Override
    public OutputStream requests() {
        return process.getOutputStream();
    }

    @Override
    public InputStream replies() {
        return process.getInputStream();
    }

    @Override
    public String diagnostics() {
        StringBuilder sb = new StringBuilder();
        if (!process.isAlive()) sb.append("exit status ").append(process.exitValue()).append("; ");
        sb.append("stderr: ").append(tail(stderrFile, 4000));
        return sb.toString();
    }

    static String tail(Path file, int max) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, f.length() - max);
            byte[] buf = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(buf);
            String s = new String(buf, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "(empty)" : s;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // EOF: the driver's loop ends
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(stderrFile);
            } catch (IOException ignored) {
                // a temp file; deleteOnExit is the fallback
            }
        }
    }
}
