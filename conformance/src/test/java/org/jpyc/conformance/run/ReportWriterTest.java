package org.jpyc.conformance.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jpyc.conformance.check.CheckResult;
import org.jpyc.conformance.oracle.OracleOptions;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path dir;

    /** A mismatch's detail may quote a str constant holding a lone surrogate; the report is still written. */
    @Test
    void writesDetailsWithLoneSurrogates() throws Exception {
        PyVersion v = PyVersion.V3_13;
        RunConfig config = new RunConfig("embedded", OracleOptions.defaults(), List.of(v), List.of("compile"),
                List.of("corpus/cases"), dir, RunConfig.DEFAULT_MTIME, java.time.Duration.ofSeconds(60), dir);
        List<Outcome> outs = List.of(new Outcome(v, "cases/s.py", "g", "compile",
                CheckResult.failed("differs", "co_consts[1]: '\ud800' | 'x'")));
        RunResult result = RunResult.of(config, List.of(new RunResult.VersionEntry(v, "3.13.5", "embedded", "x", 1, null)), outs);
        ReportWriter.write(result, dir.resolve("report"));
        String html = Files.readString(dir.resolve("report/report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("co_consts[1]: &#39;?&#39;") || html.contains("co_consts[1]: '?'"), html);
    }
}
