package org.jpyc.conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jpyc.conformance.check.CheckResult;
import org.jpyc.conformance.check.Status;
import org.jpyc.conformance.oracle.OracleOptions;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ratchet's statuses, its counts in the run result and report, and rewriting the lists. */
class RatchetTest {
    private static final PyVersion V = PyVersion.V3_13;

    @TempDir
    Path dir;

    private RunConfig config() {
        return new RunConfig("embedded", OracleOptions.defaults(), List.of(V), List.of("compile", "ast"), List.of("corpus/cases"),
                dir, RunConfig.DEFAULT_MTIME, java.time.Duration.ofSeconds(60), dir);
    }

    private static Outcome outcome(String id, String check, CheckResult r) {
        return new Outcome(V, id, "g", check, r);
    }

    @Test
    void statusesFollowTheList() throws Exception {
        Files.writeString(dir.resolve("compile-3.13.txt"), "# pass list\ncases/a.py\ncases/b.py\n");
        Ratchet r = new Ratchet(dir);
        CheckResult fail = CheckResult.failed("x", "detail");
        CheckResult pass = CheckResult.passed("ok");
        assertEquals(Status.FAILED, r.apply("compile", V, "cases/a.py", fail).status());
        assertEquals(Status.KNOWN_FAILURE, r.apply("compile", V, "cases/c.py", fail).status());
        assertEquals("detail", r.apply("compile", V, "cases/c.py", fail).detail());
        assertEquals(Status.PASSED, r.apply("compile", V, "cases/b.py", pass).status());
        assertEquals(Status.NEW_PASS, r.apply("compile", V, "cases/c.py", pass).status());
        assertEquals(Status.SKIPPED, r.apply("compile", V, "cases/c.py", CheckResult.skipped("why")).status());
        assertEquals(Status.FAILED, r.apply("ast", V, "cases/c.py", fail).status(), "only ratcheted checks");
        assertEquals(Status.KNOWN_FAILURE, r.apply("compile", PyVersion.V3_14, "cases/a.py", fail).status(), "no list: empty");
        assertEquals(Status.KNOWN_FAILURE, new Ratchet(null).apply("compile", V, "cases/a.py", fail).status());
    }

    @Test
    void countsReportAndUpdate() throws Exception {
        Files.writeString(dir.resolve("compile-3.13.txt"), "cases/a.py\ncases/b.py\n");
        Map<String, Boolean> fields = Map.of("co_code", true);
        List<Outcome> outs = List.of(
                outcome("cases/a.py", "compile", CheckResult.passed("ok").withFields(fields)),
                outcome("cases/b.py", "compile", CheckResult.failed("broke", "")),
                outcome("cases/c.py", "compile", new CheckResult(Status.KNOWN_FAILURE, "not yet", "why", Map.of("co_code", false))),
                outcome("cases/d.py", "compile", new CheckResult(Status.NEW_PASS, "ok", "", fields)),
                outcome("cases/e.py", "compile", CheckResult.skipped("rejected")),
                outcome("cases/a.py", "ast", CheckResult.passed("ok")));
        RunResult result = RunResult.of(config(), List.of(new RunResult.VersionEntry(V, "3.13.5", "embedded", "x", 5, null)), outs);
        assertEquals(3, result.passed());
        assertEquals(1, result.failed());
        assertEquals(1, result.knownFailures());
        assertEquals(1, result.newPasses());
        RunResult.Cell cell = result.matrix().get(V).get("compile");
        assertEquals(new RunResult.Cell(2, 1, 1, 1, 1), cell);
        assertEquals("2/4 (1s 1k 1n)", cell.text());
        assertEquals(new RunResult.Tally(2, 3), result.fieldTallies().get(V).get("compile").get("co_code"));
        String text = result.summaryText();
        assertTrue(text.contains("3.13 compile fields (cases agreeing): co_code 2/3"), text);
        assertTrue(text.endsWith("3 passed, 1 failed, 1 known failures (mismatches outside the ratchet lists)\n"), text);
        String html = ReportWriter.html(result);
        assertTrue(html.contains("Known failures (outside the ratchet's pass lists; they do not fail the run) (1)"), html);
        assertTrue(html.contains("New passes (1)") && html.contains("cases/d.py [compile]"), html);

        List<Ratchet.Update> kept = Ratchet.update(dir, result, false);
        assertEquals(1, kept.size());
        assertEquals(List.of("cases/a.py", "cases/b.py", "cases/d.py"), Files.readAllLines(dir.resolve("compile-3.13.txt")));
        Ratchet.update(dir, result, true);
        assertEquals(List.of("cases/a.py", "cases/d.py"), Files.readAllLines(dir.resolve("compile-3.13.txt")));
        assertTrue(Ratchet.update(dir, result, true).isEmpty(), "unchanged files are left alone");
        assertTrue(Files.notExists(dir.resolve("ast-3.13.txt")));
    }
}
