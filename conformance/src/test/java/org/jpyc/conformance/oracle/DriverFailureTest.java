package org.jpyc.conformance.oracle;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken interpreters (shell scripts standing in for python) must give a clear exception naming
 * the provider, never a hang and never a pass.
 */
class DriverFailureTest {
    @TempDir
    Path dir;

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        assertTrue(p.toFile().setExecutable(true));
        return p;
    }

    private OracleOptions options(Path python) {
        return new OracleOptions(dir.resolve("cache"), true, Duration.ofSeconds(2), List.of(python), Map.of());
    }

    private String failure(Path python) {
        OracleProvider p = Oracles.provider("local", options(python));
        OracleException e = assertThrows(OracleException.class, () -> p.open(PyVersion.V3_12));
        assertTrue(e.getMessage().startsWith("local oracle "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void silentInterpreterTimesOut() throws IOException {
        String m = failure(script("python-silent", "exec sleep 60"));
        assertTrue(m.contains("no reply to start-up within 2 s"), m);
    }

    @Test
    void garbledReplyIsReported() throws IOException {
        String m = failure(script("python-garbled", "echo 'this is not json'; exec sleep 60"));
        assertTrue(m.contains("garbled"), m);
    }

    @Test
    void crashIsReportedWithStderr() throws IOException {
        String m = failure(script("python-crash", "echo 'Fatal Python error: boom' >&2; exit 3"));
        assertTrue(m.contains("exited") && m.contains("Fatal Python error: boom"), m);
    }

    @Test
    void missingInterpreterIsReported() {
        String m = failure(dir.resolve("no-such-python"));
        assertTrue(m.contains("cannot start"), m);
    }

    @Test
    void crashWhileAnsweringIsReported() throws IOException {
        String hello = "{\\\"hello\\\": {\\\"version\\\": \\\"3.12.0 fake\\\", \\\"version_info\\\": [3, 12, 0, \\\"final\\\", 0],"
                + " \\\"cache_tag\\\": \\\"cpython-312\\\", \\\"magic\\\": \\\"cb0d0d0a\\\"}}";
        Path p = script("python-dies", "echo \"" + hello + "\"; read line; exit 1");
        try (Oracle o = Oracles.provider("local", options(p).withCache(false)).open(PyVersion.V3_12)) {
            assertTrue(o.info().fullVersion().contains("fake"));
            OracleException e = assertThrows(OracleException.class, () -> o.compile(List.of(
                    new SourceRequest("x.py", new byte[] {'x'}, 0, List.of(PycVariant.DEFAULT), false, false))));
            assertTrue(e.getMessage().contains("the driver exited while answering 'compile'"), e.getMessage());
        }
    }
}
