package org.jpyc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StatusCommandTest {
    /** A partial run naming a section that does not exist stops before measuring anything and leaves the file alone. */
    @Test
    void unknownSectionStopsFirst(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("STATUS.md");
        Files.writeString(out, "# jpyc status\n\nold\n");
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int status;
        try {
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            status = new CommandLine(new StatusCommand()).execute("--out", out.toString(), "--only", "natve");
        } finally {
            System.setErr(err);
        }
        assertEquals(1, status);
        assertEquals("# jpyc status\n\nold\n", Files.readString(out));
        String msg = buf.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("cannot measure natve: no such section (the sections are corpus, sweep, compiler, docker, realcode, bench, debian, jdk, native)"), msg);
        assertTrue(msg.contains("left as it was"), msg);
    }

    /** The groups --only takes are exactly the groups of the file's section headings (the closing list aside). */
    @Test
    void groupsAreTheHeadingsGroups() {
        java.util.List<String> headings = java.util.List.of("Oracles", "Conformance: corpus/cases, embedded oracle",
                "Stdlib sweep, embedded oracle", "Compiler conformance, embedded oracle", "Container oracles (docker)",
                "Real code", "Benchmarks", "Against Debian's builds of CPython", "On a newer JDK", "Native executable (experimental)", "Not measured yet");
        java.util.Set<String> groups = new java.util.TreeSet<>();
        for (String h : headings) groups.add(StatusSections.group(h));
        groups.remove("always");
        assertEquals(new java.util.TreeSet<>(StatusCommand.GROUPS), groups);
    }

    /** The newer JDK's feature release is read from the java itself: the running one says what Runtime.version() says. */
    @Test
    void javaFeatureOfTheRunningJava() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertEquals(Runtime.version().feature(), StatusCommand.javaFeature(java));
    }

    /** "On a newer JDK" says why it cannot be measured: no --newer-jdk, no java in it, a JDK older than 25. */
    @Test
    void newerJdkProblems(@TempDir Path dir) {
        StatusCommand c = new StatusCommand();
        assertTrue(c.newerJdkProblem().startsWith("give a JDK 25 or newer with --newer-jdk"), c.newerJdkProblem());
        c.newerJdk = dir;
        assertTrue(c.newerJdkProblem().endsWith("has no bin/java"), c.newerJdkProblem());
        c.newerJdk = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() < StatusCommand.NEWER_JDK_FEATURE) {
            assertTrue(c.newerJdkProblem().contains("is Java " + Runtime.version().feature() + ", not 25 or newer"), c.newerJdkProblem());
        } else {
            assertEquals(null, c.newerJdkProblem());
        }
    }
}
