package org.jpyc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jpyc.codediff.DiffKind;
import org.jpyc.codediff.Difference;
import org.jpyc.codediff.PycDiff;
import org.jpyc.object.PyCode;
import org.jpyc.pyc.Magic;
import org.jpyc.pyc.PycFile;
import org.jpyc.pyc.PycHeader;
import org.jpyc.pyc.PycacheRules;
import org.jpyc.pyc.PycachePathException;
import org.jpyc.pyc.Staleness;
import org.jpyc.source.PyCompileError;
import org.jpyc.util.FileBytes;
import org.jpyc.version.PyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jpyc verify --target X.Y [--optimization 0,1,2] [--pycache-prefix DIR] [--any-filename] [-j N]
 * PATH...}: checks pycs that already exist against what CPython X.Y would write for their sources,
 * recompiling each source with jpyc's compiler.
 *
 * <p>What is checked: a {@code .pyc} given is checked whatever its name; under a directory given,
 * every {@code .pyc} whose name carries the target's cache tag ({@code cpython-313}; others are
 * counted as skipped) and, for every {@code .py}, its cache path at each level of
 * {@code --optimization} that exists ({@code importlib.util.cache_from_source}, with
 * {@code --pycache-prefix}); a {@code .py} given names its cache paths, and one of those missing is a
 * problem. A pyc's source is {@code source_from_cache} of its path, its optimization level the
 * {@code .opt-N} part of its name.
 *
 * <p>Each pyc is either {@code ok} or reported, one line each ({@code PYC: REASON: detail}), with the
 * first reason that applies, in this order: {@code unreadable} (no pyc header), {@code another version}
 * (magic number of another CPython), {@code no source}, {@code stale} (timestamp header: the mtime or
 * size is not the source's; hash-based header: the source hash is not the source's), {@code source
 * rejected} (the compiler rejects the source: CPython would not have written a pyc), {@code another
 * co_filename} (the code is the source's, compiled under another file name than the path the pyc was
 * reached by, which is what {@code py_compile}/{@code compileall} record given the same path),
 * {@code another optimization level} (the code is what another {@code optimize} level gives than the
 * name says), {@code tampered} (the code differs otherwise: the first differing code object and
 * field, {@link PycDiff}), {@code missing} (a source given without its pyc). With
 * {@code --any-filename} the co_filename recorded in the pyc is taken as given.
 *
 * <p>A pyc whose values are the source's but whose marshal encoding differs (FLAG_REF bits,
 * back-references, type-code forms: what a process that interned other strings before compiling
 * writes, e.g. {@code compileall}, which imports modules first) is reported as {@code another marshal
 * encoding} and fails only with {@code --exact}. The alternatives (another co_filename, another level)
 * are also recognised in another encoding.
 *
 * <p>A summary line ends the output. Exit status: 0 if every pyc is what CPython writes, 1 if any is
 * reported (an encoding-only difference only with {@code --exact}), 2 for bad arguments, an unreadable input or a failure of jpyc itself.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check existing pycs against what CPython X.Y writes for their sources (recompiled by jpyc); exit 1 if any is not.")
public final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, paramLabel = "X.Y", description = "target Python version")
    String target;

    @Option(names = "--optimization", split = ",", paramLabel = "N[,N...]",
            description = "optimization levels whose pycs are checked (default 0,1,2)")
    List<Integer> levels = List.of(0, 1, 2);

    @Option(names = "--pycache-prefix", paramLabel = "DIR", description = "sys.pycache_prefix for the cache paths")
    String pycachePrefix;

    @Option(names = "--any-filename", description = "accept the co_filename the pyc records instead of the path it was reached by")
    boolean anyFilename;

    @Option(names = "--exact", description = "also fail pycs whose values are CPython's but whose marshal encoding"
            + " (FLAG_REF bits, back-references, type-code forms) is not what a fresh py_compile writes")
    boolean exact;

    @Option(names = {"-v", "--verbose"}, description = "also print a line for each pyc that matches")
    boolean verbose;

    @Option(names = "-j", paramLabel = "N", description = "check N pycs at once (default: all cores)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = ".pyc files, .py files or directories")
    List<String> paths;

    /** The compiler behind the command (a stand-in in tests). */
    PycBackend backend = PycBackend.JPYC;

    /** Why a pyc is not what CPython writes; {@link #OK} when it is. */
    enum Reason {
        OK("ok"),
        /** Equal values in another marshal encoding: a failure only with {@code --exact}. */
        ENCODING("another marshal encoding"),
        UNREADABLE("unreadable"),
        ANOTHER_VERSION("another version"),
        NO_SOURCE("no source"),
        STALE("stale"),
        SOURCE_REJECTED("source rejected"),
        ANOTHER_FILENAME("another co_filename"),
        ANOTHER_LEVEL("another optimization level"),
        TAMPERED("tampered"),
        MISSING("missing"),
        /** jpyc itself failed (exit status 2). */
        FAILED("jpyc failed");

        final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    /**
     * One pyc to check: its path (as given or found), its source's path (null if it has none), its level;
     * or, with a {@code problem}, a verdict known before reading it.
     */
    record Item(String pyc, String source, int level, Reason problem, String detail) {}

    /** The verdict on one pyc. */
    record Verdict(String pyc, Reason reason, String detail) {
        String line() {
            return pyc + ": " + reason.text + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        PyVersion v;
        try {
            v = PyVersion.parse(target);
        } catch (IllegalArgumentException e) {
            err.println("jpyc verify: " + e.getMessage());
            return 2;
        }
        if (!org.jpyc.compile.Compiler.targets(v)) {
            err.println("jpyc verify: the compiler does not target CPython " + v + " yet (targets: "
                    + org.jpyc.compile.Compiler.targets().stream().sorted().map(String::valueOf).toList() + ")");
            return 2;
        }
        for (int level : levels) {
            if (level < 0 || level > 2) {
                err.println("jpyc verify: --optimization levels must be 0, 1 or 2");
                return 2;
            }
        }
        PycacheRules rules = PycacheRules.forVersion(v);
        int status = 0;
        Map<String, Item> items = new LinkedHashMap<>();
        int[] skipped = {0};
        for (String p : paths) {
            try {
                collect(p, rules, items, skipped);
            } catch (IOException e) {
                err.println("jpyc verify: cannot read " + p + ": " + e.getMessage());
                status = 2;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, Math.max(1, items.size()))), r -> {
            Thread t = new Thread(null, r, "jpyc-verify", 64L << 20); // deep sources need a deep stack
            t.setDaemon(true);
            return t;
        });
        Map<Reason, Integer> counts = new TreeMap<>();
        try {
            List<Future<Verdict>> verdicts = new ArrayList<>();
            for (Item item : items.values()) verdicts.add(pool.submit(() -> check(item, v, rules)));
            for (Future<Verdict> f : verdicts) {
                Verdict d;
                try {
                    d = f.get();
                } catch (ExecutionException e) {
                    d = new Verdict("?", Reason.FAILED, String.valueOf(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 2;
                }
                counts.merge(d.reason(), 1, Integer::sum);
                if (d.reason() == Reason.FAILED) {
                    err.println("jpyc verify: " + d.line());
                    status = 2;
                } else if (d.reason() == Reason.ENCODING) {
                    out.println(d.line());
                    if (exact) status = Math.max(status, 1);
                } else if (d.reason() != Reason.OK) {
                    out.println(d.line());
                    status = Math.max(status, 1);
                } else if (verbose) {
                    out.println(d.line());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        out.println(summary(items.size(), counts, skipped[0], v));
        return status;
    }

    /**
     * {@code verify: N pycs checked: M as CPython X.Y writes them[, E with its values in another marshal
     * encoding], K not (stale 1, tampered 2)[; S skipped (other cache tags)]}.
     */
    static String summary(int checked, Map<Reason, Integer> counts, int skipped, PyVersion v) {
        int ok = counts.getOrDefault(Reason.OK, 0);
        int encoding = counts.getOrDefault(Reason.ENCODING, 0);
        int not = checked - ok - encoding;
        StringBuilder sb = new StringBuilder("verify: ").append(checked).append(checked == 1 ? " pyc" : " pycs")
                .append(" checked: ").append(ok).append(" as CPython ").append(v).append(" writes them, ");
        if (encoding > 0) sb.append(encoding).append(" with its values in another marshal encoding, ");
        sb.append(not).append(" not");
        if (not > 0) {
            StringBuilder parts = new StringBuilder();
            counts.forEach((r, n) -> {
                if (r != Reason.OK && r != Reason.ENCODING) parts.append(parts.length() == 0 ? "" : ", ").append(r.text).append(' ').append(n);
            });
            sb.append(" (").append(parts).append(')');
        }
        if (skipped > 0) sb.append("; ").append(skipped).append(" skipped (other cache tags)");
        return sb.toString();
    }

    // ---------------------------------------------------------------- what to check

    private void collect(String given, PycacheRules rules, Map<String, Item> items, int[] skipped) throws IOException {
        Path p = Path.of(given);
        if (Files.isDirectory(p)) {
            List<Path> found;
            try (Stream<Path> s = Files.walk(p)) {
                found = s.filter(Files::isRegularFile).sorted().toList();
            }
            String base = given.endsWith("/") ? given : given + "/";
            for (Path f : found) {
                String name = f.getFileName().toString();
                String path = base + p.relativize(f).toString().replace('\\', '/');
                if (name.endsWith(".pyc")) {
                    if (!hasTag(name, rules.cacheTag())) {
                        skipped[0]++;
                        continue;
                    }
                    addPyc(path, rules, items);
                } else if (name.endsWith(".py")) {
                    for (int level : levels) {
                        String cache = cachePath(path, level, rules);
                        if (cache != null && Files.isRegularFile(Path.of(cache))) {
                            items.putIfAbsent(key(cache), new Item(cache, path, level, null, null));
                        }
                    }
                }
            }
            return;
        }
        if (!Files.exists(p)) throw new IOException("no such file or directory");
        if (given.endsWith(".pyc")) {
            addPyc(given, rules, items);
            return;
        }
        // a source given: its cache paths that exist; none is a problem
        String first = null;
        boolean any = false;
        for (int level : levels) {
            String cache = cachePath(given, level, rules);
            if (cache == null) continue;
            if (first == null) first = cache;
            if (Files.isRegularFile(Path.of(cache))) {
                items.putIfAbsent(key(cache), new Item(cache, given, level, null, null));
                any = true;
            }
        }
        if (!any) {
            String where = first != null ? first : given;
            items.putIfAbsent(key(where), new Item(where, given, levels.get(0), Reason.MISSING,
                    "no pyc for " + given + " at its cache paths (optimize=" + levels.stream().map(String::valueOf)
                            .reduce((a, b) -> a + "," + b).orElse("") + ")"));
        }
    }

    private void addPyc(String pyc, PycacheRules rules, Map<String, Item> items) {
        String source;
        try {
            source = rules.sourceFromCache(pyc, pycachePrefix);
        } catch (PycachePathException e) {
            items.putIfAbsent(key(pyc), new Item(pyc, null, 0, Reason.NO_SOURCE, "not a cache path (" + e.pythonText() + ")"));
            return;
        }
        int level = levelOf(Path.of(pyc).getFileName().toString());
        if (level < 0) {
            items.putIfAbsent(key(pyc), new Item(pyc, source, 0, Reason.ANOTHER_LEVEL, "the name's optimization tag is not opt-1 or opt-2"));
            return;
        }
        if (!levels.contains(level)) return;
        items.putIfAbsent(key(pyc), new Item(pyc, source, level, null, null));
    }

    private String cachePath(String source, int level, PycacheRules rules) {
        try {
            return rules.cacheFromSourceForLevel(source, level, pycachePrefix, null);
        } catch (PycachePathException e) {
            return null;
        }
    }

    private static String key(String path) {
        return Path.of(path).toAbsolutePath().normalize().toString();
    }

    /** Whether a pyc file name carries this cache tag ({@code m.cpython-313.pyc}, {@code m.cpython-313.opt-1.pyc}). */
    static boolean hasTag(String name, String tag) {
        String stem = name.substring(0, name.length() - ".pyc".length());
        int last = stem.lastIndexOf('.');
        if (last >= 0 && stem.startsWith("opt-", last + 1)) stem = stem.substring(0, last);
        return stem.endsWith("." + tag);
    }

    /** The level the name says: 0 without {@code .opt-N}, N with it; -1 for a tag that is not 0-2. */
    static int levelOf(String name) {
        String stem = name.substring(0, name.length() - ".pyc".length());
        int last = stem.lastIndexOf('.');
        if (last < 0 || !stem.startsWith("opt-", last + 1)) return 0;
        return switch (stem.substring(last + 1 + 4)) {
            case "1" -> 1;
            case "2" -> 2;
            default -> -1;
        };
    }

    // ---------------------------------------------------------------- checking one pyc

    private Verdict check(Item item, PyVersion v, PycacheRules rules) {
        String pyc = item.pyc();
        if (item.problem() != null) return new Verdict(pyc, item.problem(), item.detail());
        byte[] data;
        try {
            data = FileBytes.read(Path.of(pyc));
        } catch (IOException e) {
            return new Verdict(pyc, Reason.FAILED, "cannot read: " + e.getMessage());
        }
        if (data.length < 4) return new Verdict(pyc, Reason.UNREADABLE, data.length + " bytes, no magic number");
        Magic magic = Magic.read(data, 0);
        if (!magic.equals(rules.magic())) {
            Optional<PyVersion> other = magic.version();
            return new Verdict(pyc, Reason.ANOTHER_VERSION, "magic number " + magic.number()
                    + other.map(o -> " is CPython " + o + "'s").orElse(" is no CPython's") + ", not " + v + "'s (" + rules.magic().number() + ")");
        }
        PycHeader header;
        try {
            header = PycHeader.read(data);
        } catch (RuntimeException e) {
            return new Verdict(pyc, Reason.UNREADABLE, String.valueOf(e.getMessage()));
        }
        Path sourceFile = Path.of(item.source());
        byte[] source;
        Staleness.SourceStat stat;
        try {
            source = FileBytes.read(sourceFile);
            stat = Staleness.SourceStat.of(sourceFile);
        } catch (NoSuchFileException e) {
            return new Verdict(pyc, Reason.NO_SOURCE, item.source() + " does not exist");
        } catch (IOException e) {
            return new Verdict(pyc, Reason.FAILED, "cannot read " + item.source() + ": " + e.getMessage());
        }
        String stale = staleness(header, source, stat, rules);
        if (stale != null) return new Verdict(pyc, Reason.STALE, stale);

        byte[] body = Arrays.copyOfRange(data, header.length(), data.length);
        String recorded = recordedFilename(data);
        String filename = anyFilename && recorded != null ? recorded : item.source();
        byte[] expected;
        try {
            expected = backend.marshalledCode(source, filename, v, item.level());
        } catch (PyCompileError e) {
            return new Verdict(pyc, Reason.SOURCE_REJECTED, e.pythonLine(v));
        } catch (RuntimeException | StackOverflowError e) {
            return new Verdict(pyc, Reason.FAILED, item.source() + ": " + e);
        }
        if (Arrays.equals(expected, body)) return new Verdict(pyc, Reason.OK, "");
        byte[] head = Arrays.copyOf(data, header.length());
        PycDiff d = PycDiff.compare(concat(head, expected), data);
        if (sameValues(d)) return new Verdict(pyc, Reason.ENCODING, describe(d));

        // the source's code under the name the pyc records?
        if (!anyFilename && recorded != null && !recorded.equals(filename)) {
            Optional<byte[]> asRecorded = compileQuietly(source, recorded, v, item.level());
            if (asRecorded.isPresent() && sameValues(head, asRecorded.get(), data)) {
                return new Verdict(pyc, Reason.ANOTHER_FILENAME, "co_filename is " + quote(recorded) + ", not " + quote(filename));
            }
        }
        // another level's code?
        for (int other = 0; other <= 2; other++) {
            if (other == item.level()) continue;
            for (String name : recorded != null && !recorded.equals(filename) ? List.of(filename, recorded) : List.of(filename)) {
                Optional<byte[]> c = compileQuietly(source, name, v, other);
                if (c.isPresent() && sameValues(head, c.get(), data)) {
                    String also = name.equals(filename) ? "" : ", and co_filename is " + quote(name) + ", not " + quote(filename);
                    return new Verdict(pyc, Reason.ANOTHER_LEVEL, "the code is what optimize=" + other + " gives, the name says optimize="
                            + item.level() + also);
                }
            }
        }
        return new Verdict(pyc, Reason.TAMPERED, describe(d));
    }

    /** Whether the pyc holds the same values as {@code head + body}, in the same or another marshal encoding. */
    private static boolean sameValues(byte[] head, byte[] body, byte[] data) {
        return Arrays.equals(concat(head, body), data) || sameValues(PycDiff.compare(concat(head, body), data));
    }

    /**
     * Identical, or only FLAG_REF bits / back-references or type-code forms differ: the values are equal
     * (what a process that had interned other strings before compiling writes, e.g. {@code compileall}).
     */
    private static boolean sameValues(PycDiff d) {
        return d.identical() || d.first().kind() == DiffKind.REFERENCES || d.first().kind() == DiffKind.FORM;
    }

    /** Null if the header fits the source as importlib checks it (every hash-based pyc checked), else why not. */
    private static String staleness(PycHeader header, byte[] source, Staleness.SourceStat stat, PycacheRules rules) {
        if (header.isHashBased()) {
            byte[] hash = rules.sourceHash(source);
            if (Arrays.equals(hash, header.sourceHash())) return null;
            return "the header's source hash " + HexFormat.of().formatHex(header.sourceHash()) + " is not the source's ("
                    + HexFormat.of().formatHex(hash) + ")";
        }
        long mtime = stat.mtime() & 0xFFFFFFFFL;
        long size = stat.size() & 0xFFFFFFFFL;
        if (header.mtime() == mtime && header.sourceSize() == size) return null;
        List<String> what = new ArrayList<>();
        if (header.mtime() != mtime) what.add("mtime " + header.mtime() + " is not the source's (" + mtime + ")");
        if (header.sourceSize() != size) what.add("size " + header.sourceSize() + " is not the source's (" + size + ")");
        return "the header's " + String.join(" and ", what);
    }

    /** The top code object's co_filename, or null if the body does not load. */
    private static String recordedFilename(byte[] data) {
        try {
            return PycFile.read(data).code() instanceof PyCode c ? c.filenameText() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Optional<byte[]> compileQuietly(byte[] source, String filename, PyVersion v, int level) {
        try {
            return Optional.of(backend.marshalledCode(source, filename, v, level));
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /** The first difference in words: where (code object path and field) and both values. */
    private static String describe(PycDiff d) {
        Difference f = d.first();
        if (f == null) return "identical";
        String s = d.summary();
        if (f.expected() != null && f.actual() != null && !f.expected().isEmpty()) {
            s += "; py_compile writes " + f.expected() + ", the pyc has " + f.actual();
        }
        return s;
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
