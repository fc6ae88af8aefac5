package org.jpyc.codegen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jpyc.astopt.AstOptimizer;
import org.jpyc.ast.ModNode;
import org.jpyc.instrseq.Instr;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.OpTable;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyRepr;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.parse.Parser;
import org.jpyc.source.PyCompileError;
import org.jpyc.symtable.FutureFeatures;
import org.jpyc.symtable.SymbolTable;
import org.jpyc.version.PyVersion;

/**
 * Compares jpyc's code generator with CPython 3.13's ({@code _testinternalcapi.compiler_codegen}), unit by
 * unit: {@code CodegenCompare [-O N] [--no-astopt] [-q] [--max N] FILE_OR_DIR...}. For each code unit
 * (the module, then nested units in completion order: ids "0", "0.1", "0.1.0", ...) the unoptimized
 * instruction sequences are compared (op, oparg with jump targets as instruction indices, the four
 * location fields), and the module's metadata (consts, names, varnames, cellvars, freevars, argcounts).
 * The first difference of each differing unit is printed with context. Exit status: differing units
 * (at most 255). Files where CPython raises are compared by exception type and message.
 */
public final class CodegenCompare {
    static final PyVersion VERSION = PyVersion.V3_13;
    /** The embedded 3.13 (under ~/.cache/jpyc or $JPYC_CACHE), or a path that does not exist. */
    static final String PY = org.jpyc.testing.EmbeddedPython.python313().map(Object::toString).orElse("/nonexistent/python3.13");

    /** One unit's dump: instruction lines and (module only) metadata lines. */
    static final class UnitDump {
        final List<String> instrs = new ArrayList<>();
    }

    /** One file's dump: an error, or its units by id plus module metadata. */
    static final class FileDump {
        String error;
        /** CPython's AST optimizer changes the file (compared only when jpyc's runs too). */
        boolean folded;
        final Map<String, UnitDump> units = new LinkedHashMap<>();
        final List<String> meta = new ArrayList<>();
    }

    /** What a comparison found. */
    record Result(int files, int units, int unitsDiffering, int filesDiffering, int skipped, Map<String, Integer> crashes) {}

    private final int optimize;
    private final boolean astopt;
    private final boolean quiet;
    private final int maxReports;
    private final PrintStream out;
    private int reports;

    CodegenCompare(int optimize, boolean astopt, boolean quiet, int maxReports, PrintStream out) {
        this.optimize = optimize;
        this.astopt = astopt;
        this.quiet = quiet;
        this.maxReports = maxReports;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int optimize = 0, max = Integer.MAX_VALUE;
        boolean astopt = true, quiet = false;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-O" -> optimize = Integer.parseInt(args[++i]);
                case "--no-astopt" -> astopt = false;
                case "-q" -> quiet = true;
                case "--max" -> max = Integer.parseInt(args[++i]);
                default -> collect(Path.of(args[i]), files);
            }
        }
        Result r = new CodegenCompare(optimize, astopt, quiet, max, System.out).run(files);
        System.out.printf("files %d (%d differing, %d skipped as folded by astopt), units %d, differing %d%n",
                r.files(), r.filesDiffering(), r.skipped(), r.units(), r.unitsDiffering());
        r.crashes().entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40)
                .forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
        System.exit(Math.min(r.unitsDiffering(), 255));
    }

    static void collect(Path p, List<Path> files) throws IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                s.filter(f -> f.toString().endsWith(".py") && Files.isRegularFile(f)).sorted().forEach(files::add);
            }
        } else {
            files.add(p);
        }
    }

    /** Whether the reference interpreter is installed here. */
    static boolean interpreterPresent() {
        return Files.isExecutable(Path.of(PY));
    }

    Result run(List<Path> files) throws IOException, InterruptedException {
        int units = 0, differing = 0, filesDiffering = 0, skipped = 0;
        Map<String, Integer> crashes = new TreeMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cpython-dump");
            t.setDaemon(true);
            return t;
        });
        List<java.util.concurrent.Future<Map<String, FileDump>>> dumps = new ArrayList<>();
        int chunkSize = 100;
        for (int from = 0; from < files.size(); from += chunkSize) {
            List<Path> chunk = files.subList(from, Math.min(files.size(), from + chunkSize));
            dumps.add(pool.submit(() -> dumpCpython(chunk)));
        }
        pool.shutdown();
        for (int from = 0, k = 0; from < files.size(); from += chunkSize, k++) {
            List<Path> chunk = files.subList(from, Math.min(files.size(), from + chunkSize));
            Map<String, FileDump> cpython;
            try {
                cpython = dumps.get(k).get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException(e.getCause());
            }
            for (Path f : chunk) {
                FileDump want = cpython.get(f.toString());
                if (want == null) {
                    throw new IllegalStateException("no CPython dump for " + f);
                }
                if (!astopt && want.folded) {
                    skipped++;
                    continue;
                }
                FileDump got;
                try {
                    got = dumpJpyc(f);
                } catch (RuntimeException | StackOverflowError e) {
                    String key = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
                    StackTraceElement[] st = e.getStackTrace();
                    if (!(e instanceof UnsupportedOperationException) && st.length > 0) key += " @ " + st[0];
                    crashes.merge(key, 1, Integer::sum);
                    if (want.error == null) {
                        int n = want.units.size();
                        units += n;
                        differing += n;
                        filesDiffering++;
                        report(f + ": jpyc failed: " + key);
                    } else {
                        filesDiffering++;
                        report(f + ": CPython raised " + want.error + ", jpyc failed: " + key);
                    }
                    continue;
                }
                int d = compare(f, want, got);
                units += Math.max(want.units.size(), 1);
                differing += d;
                if (d > 0) filesDiffering++;
            }
        }
        return new Result(files.size(), units, differing, filesDiffering, skipped, crashes);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private void report(String s) {
        if (quiet || reports >= maxReports) return;
        reports++;
        out.println(s);
    }

    /** Compares one file; returns the number of differing units (a differing error counts as one). */
    int compare(Path f, FileDump want, FileDump got) {
        if (want.error != null || got.error != null) {
            if (want.error != null && want.error.equals(got.error)) return 0;
            report(f + ": CPython " + (want.error == null ? "compiled" : "raised " + want.error) + ", jpyc "
                    + (got.error == null ? "compiled" : "raised " + got.error));
            return Math.max(1, want.units.size());
        }
        int d = 0;
        for (Map.Entry<String, UnitDump> e : want.units.entrySet()) {
            UnitDump g = got.units.get(e.getKey());
            if (g == null) {
                report(f + " unit " + e.getKey() + ": missing in jpyc");
                d++;
                continue;
            }
            if (!diff(f + " unit " + e.getKey(), e.getValue().instrs, g.instrs)) d++;
        }
        for (String id : got.units.keySet()) {
            if (!want.units.containsKey(id)) {
                report(f + " unit " + id + ": extra in jpyc");
                d++;
            }
        }
        if (!diff(f + " module metadata", want.meta, got.meta) && d == 0) d++;
        return d;
    }

    /** Whether two line lists are equal; if not, reports the first difference with context. */
    private boolean diff(String what, List<String> want, List<String> got) {
        int n = Math.min(want.size(), got.size());
        int i = 0;
        while (i < n && want.get(i).equals(got.get(i))) i++;
        if (i == n && want.size() == got.size()) return true;
        if (quiet || reports >= maxReports) {
            reports++;
            return false;
        }
        reports++;
        StringBuilder sb = new StringBuilder();
        sb.append(what).append(": first difference at ").append(i).append('\n');
        int lo = Math.max(0, i - 4);
        sb.append("  CPython:\n");
        for (int k = lo; k < Math.min(want.size(), i + 4); k++) sb.append(k == i ? "  > " : "    ").append(k).append(' ').append(want.get(k)).append('\n');
        sb.append("  jpyc:\n");
        for (int k = lo; k < Math.min(got.size(), i + 4); k++) sb.append(k == i ? "  > " : "    ").append(k).append(' ').append(got.get(k)).append('\n');
        out.print(sb);
        return false;
    }

    // ---- CPython's side ----

    private Map<String, FileDump> dumpCpython(List<Path> files) throws IOException, InterruptedException {
        Path script = Files.createTempFile("codegen_dump", ".py");
        try {
            Files.writeString(script, dumpScript());
            List<String> cmd = new ArrayList<>(List.of(PY, script.toString(), "-O", Integer.toString(optimize)));
            if (!astopt) cmd.add("--folded");
            for (Path f : files) cmd.add(f.toString());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("PYTHONHASHSEED", "0");
            pb.environment().put("PYTHONWARNINGS", "ignore");
            Process p = pb.start();
            Map<String, FileDump> res = parseDump(p.getInputStream());
            if (p.waitFor() != 0) throw new IOException("codegen_dump.py failed");
            return res;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static String dumpScript() throws IOException {
        try (InputStream in = CodegenCompare.class.getResourceAsStream("codegen_dump.py")) {
            if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String root : new String[] {".", "engine", "/work/main/engine"}) {
            Path p = Path.of(root, "src/test/resources/org/jpyc/codegen/codegen_dump.py");
            if (Files.exists(p)) return Files.readString(p);
        }
        throw new IOException("codegen_dump.py not found");
    }

    static Map<String, FileDump> parseDump(InputStream in) throws IOException {
        Map<String, FileDump> res = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        FileDump cur = null;
        UnitDump unit = null;
        for (String line; (line = r.readLine()) != null; ) {
            int tab = line.indexOf('\t');
            String tag = tab < 0 ? line : line.substring(0, tab);
            String rest = tab < 0 ? "" : line.substring(tab + 1);
            switch (tag) {
                case "FILE" -> {
                    cur = new FileDump();
                    res.put(unescape(rest), cur);
                }
                case "ERROR" -> cur.error = unescape(rest);
                case "FOLDED" -> cur.folded = true;
                case "UNIT" -> {
                    unit = new UnitDump();
                    cur.units.put(rest, unit);
                }
                case "I" -> unit.instrs.add(rest);
                case "META" -> cur.meta.add(unescape(rest));
                default -> throw new IOException("bad dump line: " + line);
            }
        }
        return res;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    // ---- jpyc's side ----

    /** Compiles a file through jpyc's front end and code generator with a recording sink. */
    FileDump dumpJpyc(Path f) throws IOException {
        byte[] src = Files.readAllBytes(f);
        String filename = f.toString();
        FileDump d = new FileDump();
        try {
            Recorder rec = new Recorder();
            Setup setup = setup(src, filename, optimize, astopt);
            Codegen c = setup.codegen();
            c.setUnitSink(rec);
            c.compileModule(setup.mod());
            unitLines(d, "0", rec.last.instrs, c.ops);
            moduleMeta(d, rec.last);
        } catch (PyCompileError e) {
            boolean syntax = switch (e.pythonType()) {
                case "SyntaxError", "IndentationError", "TabError" -> true;
                default -> false;
            };
            d.error = e.pythonType() + "\t" + e.pythonMessage()
                    + (syntax ? " (line " + orNone(e.lineno()) + ", offset " + orNone(e.offset()) + ")" : "");
            d.units.clear();
        }
        return d;
    }

    private static String orNone(Integer i) {
        return i == null ? "None" : i.toString();
    }

    /** A code generator ready to compile {@code mod}. */
    record Setup(Codegen codegen, ModNode mod) {}

    /** The pipeline up to code generation (CPython's {@code compiler_setup}). */
    static Setup setup(byte[] src, String filename, int optimize, boolean astopt) {
        ModNode mod = Parser.parse(src, VERSION);
        FutureFeatures ff = FutureFeatures.fromAst(mod, filename);
        if (astopt) AstOptimizer.optimize(mod, optimize, ff.features, VERSION);
        SymbolTable st = SymbolTable.build(mod, filename, ff, VERSION);
        Codegen c = new Codegen(VERSION, st, ff, optimize, filename);
        c.setSaveNestedSeqs(true);
        return new Setup(c, mod);
    }

    /** A sink that keeps each unit's sequence and returns a stub code object. */
    static final class Recorder implements UnitSink {
        CodegenUnit last;

        @Override
        public PyCode finish(CodegenUnit u, int codeFlags) {
            last = u;
            PyCode co = new PyCode();
            // the stub's "bytecode" is its instruction listing, so the const cache (code_richcompare) merges
            // two units exactly when CPython would (same instructions, locations, constants and names)
            FileDump listing = new FileDump();
            unitLines(listing, "", u.instrs, OpTable.of(VERSION));
            co.code = new org.jpyc.object.PyBytes(String.join("\n", listing.units.get("").instrs).getBytes(StandardCharsets.UTF_8));
            co.consts = new PyTuple(u.metadata.consts());
            List<PyObject> names = new ArrayList<>();
            for (String n : u.metadata.names.keySet()) names.add(PyStr.of(n, true));
            co.names = new PyTuple(names);
            co.name = PyStr.of(u.metadata.name, true);
            co.qualname = PyStr.of(u.metadata.qualname != null ? u.metadata.qualname : u.metadata.name, false);
            co.firstlineno = u.metadata.firstlineno;
            co.flags = codeFlags;
            co.argcount = u.metadata.argcount;
            co.posonlyargcount = u.metadata.posonlyargcount;
            co.kwonlyargcount = u.metadata.kwonlyargcount;
            return co;
        }
    }

    static void unitLines(FileDump d, String id, InstrSequence seq, OpTable ops) {
        UnitDump u = new UnitDump();
        d.units.put(id, u);
        for (Instr i : seq.instrs()) {
            String arg;
            if (ops.hasTarget(i.op)) {
                arg = Integer.toString(seq.labelTarget(i.oparg));
            } else if (ops.hasArg(i.op)) {
                arg = Integer.toString(i.oparg);
            } else {
                arg = i.oparg == 0 ? "-" : "-(" + i.oparg + ")";
            }
            var l = i.loc;
            u.instrs.add(i.op.name() + "\t" + arg + "\t" + l.lineno() + "\t" + l.endLineno() + "\t" + l.colOffset() + "\t"
                    + l.endColOffset());
        }
        List<InstrSequence> nested = seq.nested();
        for (int k = 0; k < nested.size(); k++) unitLines(d, id + "." + k, nested.get(k), ops);
    }

    static void moduleMeta(FileDump d, CodegenUnit u) {
        for (PyObject o : u.metadata.consts()) d.meta.add("const\t" + constRepr(o));
        d.meta.add("names\t" + listRepr(u.metadata.names));
        d.meta.add("varnames\t" + listRepr(u.metadata.varnames));
        d.meta.add("cellvars\t" + listRepr(u.metadata.cellvars));
        d.meta.add("freevars\t" + listRepr(u.metadata.freevars));
        d.meta.add("argcount\t" + u.metadata.argcount);
        d.meta.add("posonlyargcount\t" + u.metadata.posonlyargcount);
        d.meta.add("kwonlyargcount\t" + u.metadata.kwonlyargcount);
    }

    static String constRepr(PyObject o) {
        if (o instanceof PyCode co) return "<code " + co.nameText() + ">";
        if (o instanceof PyTuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < t.size(); i++) sb.append(i > 0 ? ", " : "").append(constRepr(t.get(i)));
            return sb.append(t.size() == 1 ? ",)" : ")").toString();
        }
        if (o instanceof org.jpyc.object.PySet set && set.frozen()) {
            // marshal (3.11+) sorts a frozenset's items, so their table order never reaches a pyc
            if (set.items().isEmpty()) return "frozenset()";
            List<String> items = new ArrayList<>();
            for (PyObject x : set.items()) items.add(constRepr(x));
            items.sort(Codegen::comparePyStr);
            return "frozenset({" + String.join(", ", items) + "})";
        }
        return PyRepr.repr(o, VERSION);
    }

    static String listRepr(Map<String, Integer> table) {
        List<Map.Entry<String, Integer>> es = new ArrayList<>(table.entrySet());
        es.sort(Map.Entry.comparingByValue());
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < es.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(PyRepr.reprStr(PyStr.of(es.get(i).getKey(), false), VERSION));
        }
        return sb.append(']').toString();
    }

    /**
     * Test helper: writes each source into {@code dir} and requires CPython's codegen and jpyc's to agree
     * on every unit (none folded away by CPython's AST optimizer); skipped without the interpreter.
     */
    static void assertSameAsCPython(Path dir, List<String> sources) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(interpreterPresent(), "CPython 3.13 reference interpreter not installed");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Path f = dir.resolve("case" + i + ".py");
            Files.writeString(f, sources.get(i), java.nio.charset.StandardCharsets.UTF_8);
            files.add(f);
        }
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        Result r = new CodegenCompare(0, false, false, 20, new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8))
                .run(files);
        String report = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertEquals(0, r.skipped(), "a source was folded by CPython's AST optimizer:\n" + report);
        org.junit.jupiter.api.Assertions.assertEquals(0, r.filesDiffering(), report);
        org.junit.jupiter.api.Assertions.assertTrue(r.units() >= sources.size(), report);
    }

}
