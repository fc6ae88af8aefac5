package org.jpyc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up, as a user meets it: whole processes from start to exit (wall clock), each run on a fresh
 * small source, jpyc beside CPython. jpyc: the packaged jar ({@code java -jar dist/target/jpyc.jar},
 * on the JVM running this benchmark, no options) and the {@code ./jpyc} launcher of the checkout, each
 * for {@code --help} and for {@code compile --target X.Y small.py}; CPython: {@code python -m py_compile
 * small.py} and {@code python -c pass} (the interpreter's own start-up). Each round runs every command
 * once, in a fixed order, after writing the source afresh with no {@code __pycache__}; a first round is
 * not timed; each figure is the median of the timed rounds. Commands whose program is absent (no dist jar or launcher) are left out.
 */
final class StartupBench {
    private StartupBench() {}

    /** The small module every compile run writes afresh: a docstring, an import, a function and a class. */
    static final String SMALL_SOURCE = """
            \"\"\"A small module.\"\"\"
            import os


            def greet(name: str) -> str:
                return f"hello {name}" + os.sep


            class Point:
                def __init__(self, x, y):
                    self.x, self.y = x, y

                def norm(self):
                    return (self.x ** 2 + self.y ** 2) ** 0.5
            """;

    /** One measured command: its name in the table, who runs it (jpyc or CPython), the command line. */
    record Command(String name, String side, List<String> argv) {}

    /** One row: a command's median milliseconds and every round's, in the order measured. */
    record Row(String name, String side, String version, double medianMs, List<Double> runsMs) {}

    /**
     * The commands for a version, run in {@code work} (which holds {@code small.py}): the jar's and the
     * launcher's when present under {@code root}, then the interpreter's.
     */
    static List<Command> commands(Path root, Path python, String version) {
        return commands(root, python, version, null);
    }

    /** {@link #commands(Path, Path, String)}, and the same two of {@code executable} (a native jpyc, say) when it is not null. */
    static List<Command> commands(Path root, Path python, String version, Path executable) {
        List<Command> out = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = root.resolve("dist/target/jpyc.jar");
        if (Files.isRegularFile(jar)) {
            out.add(new Command("`java -jar jpyc.jar --help`", "jpyc", List.of(java, "-jar", jar.toString(), "--help")));
            out.add(new Command("`java -jar jpyc.jar compile --target " + version + " small.py`", "jpyc",
                    List.of(java, "-jar", jar.toString(), "compile", "--target", version, "small.py")));
        }
        Path launcher = root.resolve("jpyc");
        if (Files.isExecutable(launcher)) {
            out.add(new Command("`./jpyc --help`", "jpyc", List.of(launcher.toString(), "--help")));
            out.add(new Command("`./jpyc compile --target " + version + " small.py`", "jpyc",
                    List.of(launcher.toString(), "compile", "--target", version, "small.py")));
        }
        if (executable != null) {
            String exe = executable.toAbsolutePath().toString();
            String shown = root.relativize(executable.toAbsolutePath()).toString();
            out.add(new Command("`" + shown + " --help`", "jpyc", List.of(exe, "--help")));
            out.add(new Command("`" + shown + " compile --target " + version + " small.py`", "jpyc",
                    List.of(exe, "compile", "--target", version, "small.py")));
        }
        out.add(new Command("`python" + version + " -m py_compile small.py`", "CPython",
                List.of(python.toString(), "-m", "py_compile", "small.py")));
        out.add(new Command("`python" + version + " -c pass`", "CPython", List.of(python.toString(), "-c", "pass")));
        return out;
    }

    /** {@code rounds} rounds of every command in {@code work}; one row per command. */
    static List<Row> measure(List<Command> commands, String version, Path work, int rounds) throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<List<Double>> runs = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) runs.add(new ArrayList<>());
        for (int round = -1; round < rounds; round++) { // round -1: not timed (the launcher's build check, file caches)
            for (int i = 0; i < commands.size(); i++) {
                freshSource(work);
                double ms = time(commands.get(i).argv(), work) * 1e3;
                if (round >= 0) runs.get(i).add(ms);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            Command c = commands.get(i);
            rows.add(new Row(c.name(), c.side(), version, BenchCommand.median(runs.get(i)), runs.get(i)));
        }
        return rows;
    }

    /** {@code small.py} written anew (a new mtime), its {@code __pycache__} gone. */
    static void freshSource(Path work) throws IOException {
        ProcessBench.delete(work.resolve("__pycache__"));
        Files.writeString(work.resolve("small.py"), SMALL_SOURCE, StandardCharsets.UTF_8);
    }

    /** Wall-clock seconds of one process in {@code dir}, output discarded; it must exit with 0. */
    static double time(List<String> command, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("PYTHONHASHSEED", "0");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        int rc = pb.start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (rc != 0) throw new IllegalStateException(String.join(" ", command) + " exited with " + rc);
        return seconds;
    }

    /** A ratio as "1.3x", or with two decimals under 0.1 ("0.04x": a native start against py_compile), never "0.0x". */
    static String times(double ratio) {
        return String.format(ratio < 0.1 ? "%.2fx" : "%.1fx", ratio);
    }

    /**
     * A Markdown table of the rows: each command's median and rounds in milliseconds, and for jpyc's
     * rows the median over that of {@code py_compile} of the same version (how many times longer).
     */
    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder("| command | version | median ms | / py_compile | runs ms |\n|---|---|---:|---:|---:|\n");
        for (Row r : rows) {
            Row pyCompile = rows.stream().filter(x -> x.version().equals(r.version()) && x.name().contains("-m py_compile"))
                    .findFirst().orElse(null);
            String vs = r.side().equals("jpyc") && pyCompile != null ? times(r.medianMs() / pyCompile.medianMs()) : "";
            sb.append(String.format("| %s | %s | %.0f | %s | %s |%n", r.name(), r.version(), r.medianMs(), vs,
                    BenchCommand.runs(r.runsMs(), "%.0f")));
        }
        return sb.toString();
    }
}
