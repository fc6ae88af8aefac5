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
 * Compares jpyc's code generator with CPython's ({@code _testinternalcapi.compiler_codegen}, 3.13 by default), unit
 * by unit: {@code CodegenCompare [--version 3.14] [-O N] [--no-astopt] [-q] [--max N] FILE_OR_DIR...}. For each code unit
 * (the module, then nested units in completion order: ids "0", "0.1", "0.1.0", ...) the unoptimized
 * instruction sequences are compared (op, oparg with jump targets as instruction indices, the four
 * location fields), and the module's metadata (consts, names, varnames, cellvars, freevars, argcounts).
 * 3.12's compiler_codegen gives the module unit only (its nested units come back as finished code objects), so
 * there only the module unit and metadata are compared.
 * The first difference of each differing unit is printed with context. Exit status: differing units
 * (at most 255). Files where CPython raises are compared by exception type and message.
 */
public final class CodegenCompare {
    /** The default target (the finished compiler's). */
    static final PyVersion VERSION = PyVersion.V3_13;

    /** The embedded interpreter of {@code v} (under ~/.cache/jpyc or $JPYC_CACHE), or a path that does not exist. */
    static String python(PyVersion v) {
        String minor = v.major() + "." + v.minor();
        return org.jpyc.testing.EmbeddedPython.find(minor).map(Object::toString).orElse("/nonexistent/python" + minor);
    }

    /** One unit's dump: instruction lines and (module only) metadata lines. */
    static final class UnitDump {
        final List<String> instrs = new ArrayList<>();
        /** Not comparable (3.12: a nested unit with exception handlers, which 3.12.1's assembler entry points refuse). */
        boolean skip;
    }

    /** One file's dump: an error, or its units by id plus module metadata. */
    static final class FileDump {
        String error;
        /** CPython's AST optimizer changes the file (compared only when jpyc's runs too). */
        boolean folded;
        /** Only the module unit was dumped (3.12's compiler_codegen finishes nested units into code objects). */
        boolean moduleOnly;
        /** The dumping interpreter died on this file (3.14.3's compiler_codegen segfaults on some annotations). */
        boolean crashed;
        final Map<String, UnitDump> units = new LinkedHashMap<>();
        final List<String> meta = new ArrayList<>();
        /** jpyc's side: the recorder and module sequence, for exporting nested units to the 3.12 assembler. */
        Recorder recorder;
        InstrSequence root;
    }

    /** What a comparison found. */
    record Result(int files, int units, int unitsDiffering, int filesDiffering, int skipped, Map<String, Integer> crashes,
            int cpythonCrashed, int skippedUnits) {}

    private final PyVersion version;
    private final int optimize;
    private final boolean astopt;
    private final boolean quiet;
    private final int maxReports;
    private final PrintStream out;
    private int reports;
    /** Units left uncompared ({@link UnitDump#skip}). */
    private int skippedUnits;

    CodegenCompare(int optimize, boolean astopt, boolean quiet, int maxReports, PrintStream out) {
        this(VERSION, optimize, astopt, quiet, maxReports, out);
    }

    CodegenCompare(PyVersion version, int optimize, boolean astopt, boolean quiet, int maxReports, PrintStream out) {
        this.version = version;
        this.optimize = optimize;
        this.astopt = astopt;
        this.quiet = quiet;
        this.maxReports = maxReports;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int optimize = 0, max = Integer.MAX_VALUE;
        boolean astopt = true, quiet = false;
        PyVersion version = VERSION;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--version" -> version = PyVersion.parse(args[++i]);
                case "-O" -> optimize = Integer.parseInt(args[++i]);
                case "--no-astopt" -> astopt = false;
                case "-q" -> quiet = true;
                case "--max" -> max = Integer.parseInt(args[++i]);
                default -> collect(Path.of(args[i]), files);
            }
        }
        Result r = new CodegenCompare(version, optimize, astopt, quiet, max, System.out).run(files);
        System.out.printf("files %d (%d differing, %d skipped as folded by astopt, %d where CPython's compiler_codegen crashed),"
                + " units %d, differing %d%s%n", r.files(), r.filesDiffering(), r.skipped(), r.cpythonCrashed(), r.units(),
                r.unitsDiffering(), r.skippedUnits() > 0 ? " (" + r.skippedUnits() + " of them not compared: 3.12 nested"
                        + " units with exception handlers)" : "");
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

    /** Whether the 3.13 reference interpreter is installed here. */
    static boolean interpreterPresent() {
        return interpreterPresent(VERSION);
    }

    /** Whether the reference interpreter of {@code v} is installed here. */
    static boolean interpreterPresent(PyVersion v) {
        return Files.isExecutable(Path.of(python(v)));
    }

    /** What {@link #runSources} found: the counts, and the report the comparison printed. */
    record SourcesRun(Result result, String report) {}

    /**
     * Writes each of {@code sources} to a file of its own under {@code dir} and compares their units with
     * the interpreter of {@code v} at {@code optimize} (nested sequences kept, up to 20 differences shown):
     * what the per-version delta tests run over their lists of sources.
     */
    static SourcesRun runSources(PyVersion v, int optimize, List<String> sources, Path dir)
            throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Path f = dir.resolve("case" + i + ".py");
            Files.writeString(f, sources.get(i), StandardCharsets.UTF_8);
            files.add(f);
        }
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        Result r = new CodegenCompare(v, optimize, true, false, 20, new PrintStream(buf, true, StandardCharsets.UTF_8)).run(files);
        return new SourcesRun(r, buf.toString(StandardCharsets.UTF_8));
    }

    Result run(List<Path> files) throws IOException, InterruptedException {
        int units = 0, differing = 0, filesDiffering = 0, skipped = 0, cpythonCrashed = 0;
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
            // jpyc's side of the chunk first: where CPython gives finished nested units (3.12), jpyc's go through
            // the same optimizer and assembler in one process for the chunk
            Map<Path, Object> gots = new LinkedHashMap<>();
            for (Path f : chunk) {
                FileDump want = cpython.get(f.toString());
                if (want == null || want.crashed || (!astopt && want.folded)) continue;
                try {
                    gots.put(f, dumpJpyc(f));
                } catch (RuntimeException | StackOverflowError e) {
                    gots.put(f, e);
                }
            }
            assembleNested(cpython, gots);
            for (Path f : chunk) {
                FileDump want = cpython.get(f.toString());
                if (want == null) {
                    throw new IllegalStateException("no CPython dump for " + f);
                }
                if (want.crashed) {
                    cpythonCrashed++;
                    report(f + ": CPython's compiler_codegen crashed");
                    continue;
                }
                if (!astopt && want.folded) {
                    skipped++;
                    continue;
                }
                FileDump got;
                try {
                    Object g = gots.get(f);
                    if (g instanceof RuntimeException re) throw re;
                    if (g instanceof StackOverflowError so) throw so;
                    got = (FileDump) g;
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
        return new Result(files.size(), units, differing, filesDiffering, skipped, crashes, cpythonCrashed, skippedUnits);
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
            if (g.skip) {
                skippedUnits++;
                continue;
            }
            if (!diff(f + " unit " + e.getKey(), e.getValue().instrs, g.instrs)) d++;
        }
        for (String id : got.units.keySet()) {
            // a nested unit of an uncompared one (3.12): whether its parent's optimizer kept it is unknown
            int dot = id.lastIndexOf('.');
            UnitDump parent = dot < 0 ? null : got.units.get(id.substring(0, dot));
            if (!want.units.containsKey(id) && parent != null && parent.skip) {
                skippedUnits++;
                continue;
            }
            if (!want.units.containsKey(id)) {
                report(f + " unit " + id + ": extra in jpyc");
                d++;
            }
        }
        List<String> gotMeta = got.meta;
        if (want.meta.stream().noneMatch(m -> m.startsWith("names\t"))) {
            // 3.14's compiler_codegen reports only the argcounts, 3.15's the argcounts and consts: compare what it reports
            boolean consts = want.meta.stream().anyMatch(m -> m.startsWith("const\t"));
            gotMeta = got.meta.stream().filter(m -> {
                String key = m.substring(0, m.indexOf('\t'));
                return key.endsWith("argcount") || consts && key.equals("const");
            }).toList();
        }
        if (!diff(f + " module metadata", want.meta, gotMeta) && d == 0) d++;
        return d;
    }

    /** Whether two line lists are equal; if not, reports the first difference with context. */
    private boolean diff(String what, List<String> want, List<String> got) {
        int n = Math.min(want.size(), got.size());
        int i = 0;
        while (i < n && want.get(i).equals(got.get(i))) i++;
        if (i == n && want.size() == got.size()) return true;
        if (i < n && onlyArgDiffers(want.get(i), got.get(i))) {
            // a jump target shifted: the cause is the first instruction that differs in kind
            int j = i;
            while (j < n && opName(want.get(j)).equals(opName(got.get(j)))) j++;
            if (j < n || want.size() != got.size()) i = j;
        }
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

    private static String opName(String line) {
        int tab = line.indexOf('\t');
        return tab < 0 ? line : line.substring(0, tab);
    }

    /** Whether two instruction lines differ only in their argument (a shifted jump target, say). */
    private static boolean onlyArgDiffers(String a, String b) {
        String[] x = a.split("\t", -1), y = b.split("\t", -1);
        if (x.length != y.length || x.length < 2 || !x[0].equals(y[0])) return false;
        for (int k = 2; k < x.length; k++) if (!x[k].equals(y[k])) return false;
        return true;
    }

    // ---- CPython's side ----

    /**
     * CPython's dumps of {@code files}. When the interpreter dies (3.14.3's compiler_codegen crashes on some
     * inputs, depending on memory state), the first file without a complete record is dumped again alone, and
     * marked crashed if that dies too; the rest are dumped again.
     */
    private Map<String, FileDump> dumpCpython(List<Path> files) throws IOException, InterruptedException {
        Map<String, FileDump> res = new LinkedHashMap<>();
        List<Path> rest = files;
        while (!rest.isEmpty()) {
            Map<String, FileDump> part = new LinkedHashMap<>();
            boolean ok = dumpCpython(rest, part);
            res.putAll(part);
            if (ok) break;
            int k = 0;
            while (k < rest.size() && part.containsKey(rest.get(k).toString())) k++;
            // every record is complete: the interpreter died on its way out (3.15.2 does after some inputs)
            if (k == rest.size()) break;
            // the crash depends on the process's memory state: one more try in a process of its own
            Map<String, FileDump> alone = new LinkedHashMap<>();
            if (dumpCpython(List.of(rest.get(k)), alone)) {
                res.putAll(alone);
            } else {
                FileDump crashed = new FileDump();
                crashed.crashed = true;
                res.put(rest.get(k).toString(), crashed);
            }
            rest = rest.subList(k + 1, rest.size());
        }
        return res;
    }

    /** One dumping process over {@code files}, its complete records into {@code res}; whether it exited normally. */
    private boolean dumpCpython(List<Path> files, Map<String, FileDump> res) throws IOException, InterruptedException {
        Path script = Files.createTempFile("codegen_dump", ".py");
        try {
            Files.writeString(script, dumpScript());
            List<String> cmd = new ArrayList<>(List.of(python(version), script.toString(), "-O", Integer.toString(optimize)));
            if (!astopt) cmd.add("--folded");
            for (Path f : files) cmd.add(f.toString());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("PYTHONHASHSEED", "0");
            pb.environment().put("PYTHONWARNINGS", "ignore");
            Process p = pb.start();
            // the script flushes each file's record whole, so every record read is complete
            res.putAll(parseDump(p.getInputStream()));
            return p.waitFor() == 0;
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
                case "MODULE_ONLY" -> cur.moduleOnly = true;
                case "UNIT" -> {
                    unit = new UnitDump();
                    cur.units.put(rest, unit);
                }
                case "I" -> unit.instrs.add(rest);
                case "SKIP" -> unit.skip = true;
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
            Setup setup = setup(version, src, filename, optimize, astopt);
            Recorder rec = new Recorder(version);
            Codegen c = setup.codegen();
            c.setUnitSink(rec);
            c.compileModule(setup.mod());
            unitLines(d, "0", rec.last.instrs, c.ops);
            moduleMeta(d, rec.last, version);
            d.recorder = rec;
            d.root = rec.last.instrs;
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
        return setup(VERSION, src, filename, optimize, astopt);
    }

    /** The pipeline up to code generation for target {@code v}. */
    static Setup setup(PyVersion v, byte[] src, String filename, int optimize, boolean astopt) {
        ModNode mod = Parser.parse(src, v);
        FutureFeatures ff = FutureFeatures.fromAst(mod, filename, v);
        if (astopt) AstOptimizer.optimize(mod, optimize, ff.features, v);
        SymbolTable st = SymbolTable.build(mod, filename, ff, v);
        Codegen c = new Codegen(v, st, ff, optimize, filename);
        c.setSaveNestedSeqs(true);
        return new Setup(c, mod);
    }

    /**
     * The module unit's instructions for {@code src} (no AST optimizer), code generation run on a thread
     * with a 256 KB stack: what deep input must survive without a StackOverflowError.
     */
    static InstrSequence moduleOnSmallStack(String src) throws InterruptedException {
        InstrSequence[] module = new InstrSequence[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                Setup s = setup(src.getBytes(java.nio.charset.StandardCharsets.UTF_8), "deep.py", 0, false);
                Recorder rec = new Recorder();
                s.codegen().setUnitSink(rec);
                s.codegen().compileModule(s.mod());
                module[0] = rec.last.instrs;
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (failure[0] != null) throw new AssertionError(failure[0]);
        return module[0];
    }

    /** A sink that keeps each unit's sequence and returns a stub code object. */
    static final class Recorder implements UnitSink {
        private final PyVersion version;
        CodegenUnit last;

        Recorder() {
            this(VERSION);
        }

        Recorder(PyVersion version) {
            this.version = version;
        }

        /** Every finished unit by its instruction sequence. */
        final Map<InstrSequence, CodegenUnit> units = new java.util.IdentityHashMap<>();

        @Override
        public PyCode finish(CodegenUnit u, int codeFlags) {
            last = u;
            units.put(u.instrs, u);
            PyCode co = new PyCode();
            // the stub's "bytecode" is its instruction listing, so the const cache (code_richcompare) merges
            // two units exactly when CPython would (same instructions, locations, constants and names)
            FileDump listing = new FileDump();
            unitLines(listing, "", u.instrs, OpTable.of(version));
            co.code = new org.jpyc.object.PyBytes(String.join("\n", listing.units.get("").instrs).getBytes(StandardCharsets.UTF_8));
            co.consts = new PyTuple(u.metadata.consts());
            List<PyObject> names = new ArrayList<>();
            for (String n : u.metadata.names.names()) names.add(PyStr.of(n, true));
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

    /**
     * Where CPython's dumps give finished nested units (3.12, {@code MODULE_ONLY}): jpyc's nested units of
     * {@code gots} (FileDumps; failures are left alone) are written out, put through CPython's optimizer and
     * assembler ({@code codegen_dump.py --assemble}) and their listings replace the unoptimized ones.
     */
    private void assembleNested(Map<String, FileDump> cpython, Map<Path, Object> gots) throws IOException, InterruptedException {
        StringBuilder sb = new StringBuilder();
        List<String> order = new ArrayList<>();
        for (Map.Entry<Path, Object> e : gots.entrySet()) {
            FileDump want = cpython.get(e.getKey().toString());
            if (!(e.getValue() instanceof FileDump got) || got.error != null || want == null || !want.moduleOnly) continue;
            got.units.keySet().removeIf(id -> !id.equals("0"));
            sb.append("FILE\t").append(order.size()).append('\n');
            order.add(e.getKey().toString());
            exportNested(sb, got, "0", got.root, e.getKey().toString());
        }
        if (order.isEmpty()) return;
        Path data = Files.createTempFile("codegen_units", ".txt");
        Path script = Files.createTempFile("codegen_dump", ".py");
        try {
            Files.writeString(data, sb.toString(), StandardCharsets.UTF_8);
            if (System.getenv("CODEGEN_KEEP_UNITS") != null) Files.copy(data, Path.of(System.getenv("CODEGEN_KEEP_UNITS")),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(script, dumpScript());
            ProcessBuilder pb = new ProcessBuilder(python(version), script.toString(), "--assemble", data.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("PYTHONHASHSEED", "0");
            pb.environment().put("PYTHONWARNINGS", "ignore");
            Process p = pb.start();
            Map<String, FileDump> res = parseDump(p.getInputStream());
            int rc = p.waitFor();
            for (int i = 0; i < order.size(); i++) {
                FileDump got = (FileDump) gots.get(Path.of(order.get(i)));
                FileDump a = res.get(Integer.toString(i));
                if (a == null) {
                    // the assembling process died before this file: its nested units stay missing (differing)
                    if (rc != 0) report(order.get(i) + ": the 3.12 assembler process died (exit " + rc + ")");
                    continue;
                }
                got.units.putAll(a.units);
            }
        } finally {
            Files.deleteIfExists(data);
            Files.deleteIfExists(script);
        }
    }

    /** One nested unit (and, after it, its own nested units) in the {@code --assemble} input form. */
    private void exportUnit(StringBuilder sb, FileDump got, String id, InstrSequence seq, String filename) {
        CodegenUnit u = got.recorder.units.get(seq);
        if (u == null) return;
        var md = u.metadata;
        sb.append("UNIT\t").append(id).append('\n');
        sb.append("META\tname\t").append(PyRepr.reprStr(PyStr.of(md.name, false), version)).append('\n');
        sb.append("META\tqualname\t").append(PyRepr.reprStr(PyStr.of(md.qualname != null ? md.qualname : md.name, false), version)).append('\n');
        sb.append("META\tfilename\t").append(PyRepr.reprStr(PyStr.of(filename, false), version)).append('\n');
        sb.append("META\tfirstlineno\t").append(md.firstlineno).append('\n');
        sb.append("META\targcount\t").append(md.argcount).append('\n');
        sb.append("META\tposonlyargcount\t").append(md.posonlyargcount).append('\n');
        sb.append("META\tkwonlyargcount\t").append(md.kwonlyargcount).append('\n');
        sb.append("META\tnames\t").append(listRepr(md.names, version)).append('\n');
        sb.append("META\tvarnames\t").append(listRepr(md.varnames, version)).append('\n');
        sb.append("META\tcellvars\t").append(listRepr(md.cellvars, version)).append('\n');
        sb.append("META\tfreevars\t").append(listRepr(md.freevars, version)).append('\n');
        for (PyObject o : md.consts()) sb.append("C\t").append(evalRepr(o)).append('\n');
        OpTable ops = OpTable.of(version);
        for (Instr i : seq.instrs()) {
            int arg = ops.hasTarget(i.op) ? seq.labelTarget(i.oparg) : i.oparg;
            var l = i.loc;
            sb.append("I\t").append(i.op.name()).append('\t').append(arg).append('\t').append(l.lineno()).append('\t')
                    .append(l.endLineno()).append('\t').append(l.colOffset()).append('\t').append(l.endColOffset()).append('\n');
        }
        exportNested(sb, got, id, seq, filename);
    }

    /** The nested units of {@code seq}, as ids {@code id.NAME@LINE} ({@code #2}, ... when repeated), as the dump names them. */
    private void exportNested(StringBuilder sb, FileDump got, String id, InstrSequence seq, String filename) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (InstrSequence n : seq.nested()) {
            CodegenUnit u = got.recorder.units.get(n);
            if (u == null) continue;
            String key = u.metadata.name + "@" + u.metadata.firstlineno;
            int k = seen.merge(key, 1, Integer::sum);
            exportUnit(sb, got, id + "." + (k == 1 ? key : key + "#" + k), n, filename);
        }
    }

    /** A constant as a Python expression {@code codegen_dump.py --assemble} evaluates (code objects as markers). */
    private String evalRepr(PyObject o) {
        if (o instanceof PyCode co) return "__code__(" + PyRepr.reprStr(PyStr.of(co.nameText(), false), version) + ")";
        if (o instanceof PyTuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < t.size(); i++) sb.append(evalRepr(t.get(i))).append(", ");
            return sb.append(')').toString();
        }
        if (o instanceof org.jpyc.object.PySet set && set.frozen()) {
            StringBuilder sb = new StringBuilder("frozenset([");
            for (PyObject x : set.items()) sb.append(evalRepr(x)).append(", ");
            return sb.append("])").toString();
        }
        if (o instanceof org.jpyc.object.PyComplex z) {
            // the repr's "-0" real part would evaluate as the int 0
            return "complex(" + PyRepr.repr(new org.jpyc.object.PyFloat(z.real()), version) + ", "
                    + PyRepr.repr(new org.jpyc.object.PyFloat(z.imag()), version) + ")";
        }
        if (o instanceof org.jpyc.object.PyInt i && i.value().bitLength() > 10000) return "0x" + i.value().toString(16);
        if (o instanceof org.jpyc.object.PyInt i && i.value().signum() < 0 && i.value().bitLength() > 10000) return "-0x" + i.value().negate().toString(16);
        return PyRepr.repr(o, version);
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

    static void moduleMeta(FileDump d, CodegenUnit u, PyVersion v) {
        for (PyObject o : u.metadata.consts()) d.meta.add("const\t" + constRepr(o, v));
        d.meta.add("names\t" + listRepr(u.metadata.names, v));
        d.meta.add("varnames\t" + listRepr(u.metadata.varnames, v));
        d.meta.add("cellvars\t" + listRepr(u.metadata.cellvars, v));
        d.meta.add("freevars\t" + listRepr(u.metadata.freevars, v));
        d.meta.add("argcount\t" + u.metadata.argcount);
        d.meta.add("posonlyargcount\t" + u.metadata.posonlyargcount);
        d.meta.add("kwonlyargcount\t" + u.metadata.kwonlyargcount);
    }

    static String constRepr(PyObject o, PyVersion v) {
        if (o instanceof PyCode co) return "<code " + co.nameText() + ">";
        if (o instanceof PyTuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < t.size(); i++) sb.append(i > 0 ? ", " : "").append(constRepr(t.get(i), v));
            return sb.append(t.size() == 1 ? ",)" : ")").toString();
        }
        if (o instanceof org.jpyc.object.PySet set && set.frozen()) {
            // marshal (3.11+) sorts a frozenset's items, so their table order never reaches a pyc
            if (set.items().isEmpty()) return "frozenset()";
            List<String> items = new ArrayList<>();
            for (PyObject x : set.items()) items.add(constRepr(x, v));
            items.sort(Codegen::comparePyStr);
            return "frozenset({" + String.join(", ", items) + "})";
        }
        return PyRepr.repr(o, v);
    }

    static String listRepr(org.jpyc.instrseq.NameTable table, PyVersion v) {
        List<Integer> positions = new ArrayList<>();
        for (int p = 0; p < table.size(); p++) positions.add(p);
        positions.sort(java.util.Comparator.comparingInt(table::indexAt));
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < positions.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(PyRepr.reprStr(PyStr.of(table.nameAt(positions.get(i)), false), v));
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
