package org.jpyc.symtable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jpyc.ast.ModNode;
import org.jpyc.parse.Parser;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;

/**
 * Compares jpyc's symbol table with CPython's ({@code _symtable.symtable}) file by file for one version:
 * {@code SymtableCompare [--version 3.14] [-q] [--max N] FILE_OR_DIR...}. The dump format is
 * {@link SymtableDump}'s, the CPython side {@link CPythonSymtable#SCRIPT} (one process per 200 files).
 */
public final class SymtableCompare {
    private SymtableCompare() {}

    /** What a comparison found: files, files differing, and the first differing line of each differing file. */
    record Result(int files, int differing, List<String> firstDifferences) {}

    public static void main(String[] args) throws Exception {
        PyVersion version = PyVersion.V3_13;
        boolean quiet = false;
        int max = 20;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--version" -> version = PyVersion.parse(args[++i]);
                case "-q" -> quiet = true;
                case "--max" -> max = Integer.parseInt(args[++i]);
                default -> collect(Path.of(args[i]), files);
            }
        }
        Result r = compare(version, files);
        if (!quiet) r.firstDifferences().stream().limit(max).forEach(System.out::println);
        System.out.printf("symtable %s: files %d, differing %d%n", version, r.files(), r.differing());
    }

    static void collect(Path p, List<Path> out) throws IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                s.filter(f -> f.toString().endsWith(".py") && Files.isRegularFile(f)).sorted().forEach(out::add);
            }
        } else {
            out.add(p);
        }
    }

    /** The embedded interpreter of {@code v}, or empty. */
    static java.util.Optional<Path> python(PyVersion v) {
        return org.jpyc.testing.EmbeddedPython.find(v.major() + "." + v.minor());
    }

    static Result compare(PyVersion version, List<Path> files) throws IOException, InterruptedException {
        Path py = python(version).orElseThrow(() -> new IOException("no embedded CPython " + version));
        int differing = 0;
        List<String> diffs = new ArrayList<>();
        for (int from = 0; from < files.size(); from += 200) {
            List<Path> chunk = files.subList(from, Math.min(files.size(), from + 200));
            List<String> sources = new ArrayList<>();
            for (Path f : chunk) sources.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            List<CPythonSymtable.Result> want = CPythonSymtable.run(py, sources);
            for (int i = 0; i < chunk.size(); i++) {
                String got = dump(sources.get(i), version);
                String exp = want.get(i).dump();
                if (!exp.equals(got)) {
                    differing++;
                    diffs.add(chunk.get(i) + ": " + firstDifference(exp, got));
                }
            }
        }
        return new Result(files.size(), differing, diffs);
    }

    /** jpyc's dump of {@code source} for {@code version}, or its error line (the CPython side's format). */
    static String dump(String source, PyVersion version) {
        try {
            ModNode mod = Parser.parse(source.getBytes(StandardCharsets.UTF_8), version);
            FutureFeatures ff = FutureFeatures.fromAst(mod, "<test>", version);
            return SymtableDump.dump(SymbolTable.build(mod, "<test>", ff, version));
        } catch (PyCompileError e) {
            return "ERROR " + e.pythonType() + ": " + e.pythonMessage() + " (" + s(e.lineno()) + ", " + s(e.offset())
                    + ", " + s(e.endLineno()) + ", " + s(e.endOffset()) + ")\n";
        } catch (RuntimeException e) {
            return "JPYC CRASH " + e + "\n";
        }
    }

    private static String s(Object o) {
        return o == null ? "None" : o.toString();
    }

    /** The first differing line, with its number and both sides. */
    static String firstDifference(String want, String got) {
        String[] w = want.split("\n", -1), g = got.split("\n", -1);
        int i = 0;
        while (i < w.length && i < g.length && w[i].equals(g[i])) i++;
        return "line " + (i + 1) + ": CPython [" + (i < w.length ? w[i] : "<end>") + "] jpyc [" + (i < g.length ? g[i] : "<end>") + "]";
    }
}
