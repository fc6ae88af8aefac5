package org.jpyc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jpyc.pyc.CacheWriter;
import org.jpyc.pyc.InvalidationMode;
import org.jpyc.pyc.PycHeader;
import org.jpyc.pyc.PycacheRules;
import org.jpyc.pyc.PycachePathException;
import org.jpyc.pyc.SourceHash;
import org.jpyc.source.PyCompileError;
import org.jpyc.util.FileBytes;
import org.jpyc.version.PyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jpyc compile --target X.Y [--optimization 0|1|2] [--invalidation-mode MODE] [--pycache-prefix DIR]
 * [--out-dir DIR] [-j N] PATH...}: writes, for each source, the pyc {@code py_compile.compile(path,
 * optimize=N, invalidation_mode=MODE)} of CPython X.Y writes. A directory is searched recursively for
 * {@code *.py} (sorted). {@code co_filename} is the path as given (or as found under the given
 * directory). Without {@code --out-dir} the pyc goes to {@code importlib.util.cache_from_source} of the
 * target (with {@code sys.pycache_prefix} = {@code --pycache-prefix}); with it, to
 * {@code DIR/<path as given>c}. Writes are atomic ({@link CacheWriter}). The default mode is
 * py_compile's: checked-hash when {@code SOURCE_DATE_EPOCH} is set, else timestamp. A rejected source
 * prints the error as py_compile does and gets no pyc; the others are still written.
 *
 * <p>Exit status: 0 if every pyc was written, 1 if a source was rejected or a pyc could not be
 * written, 2 for a missing input or a failure of jpyc itself.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compile Python sources to the pyc files CPython's py_compile writes.")
public final class CompileCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, paramLabel = "X.Y", description = "target Python version")
    String target;

    @Option(names = "--optimization", paramLabel = "0|1|2", description = "optimization level (default 0)")
    int optimization = 0;

    @Option(names = "--invalidation-mode", paramLabel = "MODE",
            description = "timestamp, checked-hash or unchecked-hash (default: checked-hash if SOURCE_DATE_EPOCH is set, else timestamp)")
    String invalidationMode;

    @Option(names = "--pycache-prefix", paramLabel = "DIR", description = "sys.pycache_prefix for the cache paths")
    String pycachePrefix;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "write DIR/<source path as given>c instead of the cache path")
    Path outDir;

    @Option(names = "-j", paramLabel = "N", description = "compile N files at once (default: all cores)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "source files or directories")
    List<String> paths;

    /** The compiler behind the command (a stand-in in tests). */
    PycBackend backend = PycBackend.JPYC;
    /** {@code SOURCE_DATE_EPOCH} as the command sees it (tests override). */
    String sourceDateEpoch = System.getenv("SOURCE_DATE_EPOCH");

    /** One source to compile: the path as given (co_filename), the file, and its size when found (for scheduling only). */
    record Source(String given, Path file, long size) {}

    /** What became of one source: a message for stderr (may be empty) and a status. */
    record Result(String message, int status) {}

    /** The option names {@link #parseDirect} takes: every {@code @Option} of this class (CompileCommandTest checks it). */
    static final List<String> DIRECT_OPTIONS = List.of("--target", "--optimization", "--invalidation-mode", "--pycache-prefix",
            "--out-dir", "-j");

    /**
     * The command for {@code jpyc compile ARGS} without picocli, or null when picocli must read them.
     * Building picocli's model of a command costs more at start-up than compiling a small file (about a
     * tenth of a second of CPU, most of it on the first model a JVM builds), and a build tool starts
     * {@code jpyc compile} once per action, so {@link Main#main} tries this first. It takes only the plain
     * form of the options above, each at most once, given as {@code --name VALUE} or {@code --name=VALUE},
     * and paths that start with neither {@code -} nor {@code @}; anything else (help, an unknown or
     * repeated option, {@code --}, an argument file, a value picocli would reject or read otherwise)
     * returns null, so that picocli parses it and gives its own help and errors. What it accepts, it reads
     * as picocli would.
     */
    static CompileCommand parseDirect(List<String> args) {
        CompileCommand c = new CompileCommand();
        List<String> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-")) {
                if (a.startsWith("@")) return null;
                paths.add(a);
                continue;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (!DIRECT_OPTIONS.contains(name) || !seen.add(name)) return null;
            if (value == null) {
                if (++i == args.size()) return null;
                value = args.get(i);
            }
            if (value.startsWith("-") || value.startsWith("@")) return null;
            try {
                switch (name) {
                    case "--target" -> c.target = value;
                    case "--optimization" -> c.optimization = Integer.parseInt(value);
                    case "--invalidation-mode" -> c.invalidationMode = value;
                    case "--pycache-prefix" -> c.pycachePrefix = value;
                    case "--out-dir" -> c.outDir = Path.of(value);
                    case "-j" -> c.jobs = Integer.parseInt(value);
                    default -> {
                        return null;
                    }
                }
            } catch (RuntimeException e) { // a number or path picocli would reject: its message, not ours
                return null;
            }
        }
        if (c.target == null || paths.isEmpty()) return null;
        c.paths = paths;
        return c;
    }

    @Override
    public Integer call() {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        PyVersion v;
        InvalidationMode mode;
        try {
            v = PyVersion.parse(target);
            mode = mode();
        } catch (IllegalArgumentException e) {
            err.println("jpyc compile: " + e.getMessage());
            return 2;
        }
        if (!org.jpyc.compile.Compiler.targets(v)) {
            err.println("jpyc compile: the compiler does not target CPython " + v + " yet (targets: "
                    + org.jpyc.compile.Compiler.targets().stream().sorted().map(String::valueOf).toList() + ")");
            return 2;
        }
        if (optimization < 0 || optimization > 2) {
            err.println("jpyc compile: --optimization must be 0, 1 or 2");
            return 2;
        }
        int status = 0;
        // Compile threads are made as sources come, up to -j (no more threads than sources); they take the
        // largest queued source first (see Job).
        int threads = Math.max(1, jobs);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>(), r -> {
            Thread t = new Thread(null, r, "jpyc-compile", 64L << 20); // deep sources need a deep stack
            t.setDaemon(true);
            return t;
        });
        // The pyc writes go to one writer thread, so that a compile thread goes on to its next source while the
        // kernel creates the last one's file (creating and renaming a file in a __pycache__ costs about a
        // third of a millisecond of system time on ext4, a sixth of a -j 1 run over a stdlib). Its queue is
        // bounded: when it is full, a compile thread writes its pyc itself.
        ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WRITE_QUEUE),
                r -> {
                    Thread t = new Thread(r, "jpyc-write");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            // Each source is queued as the walk finds it, so compiling starts while the walk goes on (walking
            // and sorting a stdlib tree takes a tenth of a second on a fresh JVM); the results are then
            // taken in source order: each path's sources sorted, the paths in the order given.
            List<Job> inOrder = new ArrayList<>();
            long[] seq = {0};
            for (String p : paths) {
                List<Job> found = new ArrayList<>();
                try {
                    find(p, src -> {
                        Job j = new Job(src, seq[0]++, () -> compileOne(src, v, mode, writer));
                        found.add(j);
                        pool.execute(j);
                    });
                } catch (IOException e) {
                    err.println("jpyc compile: cannot read " + p + ": " + e.getMessage());
                    status = 2;
                }
                found.sort(Comparator.comparing(j -> j.source, SOURCE_ORDER));
                inOrder.addAll(found);
            }
            for (Job job : inOrder) {
                Result r;
                try {
                    r = job.get().get();
                } catch (ExecutionException e) {
                    r = new Result("jpyc compile: internal error: " + e.getCause() + "\n", 2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 2;
                }
                err.print(r.message());
                status = Math.max(status, r.status());
            }
        } finally {
            pool.shutdownNow();
            writer.shutdownNow();
        }
        return status;
    }

    /**
     * One source's compile, queued for the compile threads, which take the largest queued source first
     * (longest-processing-time-first scheduling): with several threads, the run then does not end with one
     * thread compiling a large file that came late while the others wait (on a stdlib, the largest source
     * is about a tenth of a second of a thread's time). Equal sizes go in the order found. The order changes
     * neither the messages, which come out in source order, nor any pyc's bytes.
     */
    static final class Job extends FutureTask<Future<Result>> implements Comparable<Job> {
        final Source source;
        private final long seq;

        Job(Source source, long seq, Callable<Future<Result>> work) {
            super(work);
            this.source = source;
            this.seq = seq;
        }

        @Override
        public int compareTo(Job o) {
            int c = Long.compare(o.source.size(), source.size());
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** How many pycs may wait for the writer thread before compile threads write their own. */
    private static final int WRITE_QUEUE = 64;

    private InvalidationMode mode() {
        if (invalidationMode == null) {
            return sourceDateEpoch != null && !sourceDateEpoch.isEmpty() ? InvalidationMode.CHECKED_HASH : InvalidationMode.TIMESTAMP;
        }
        return switch (invalidationMode) {
            case "timestamp" -> InvalidationMode.TIMESTAMP;
            case "checked-hash" -> InvalidationMode.CHECKED_HASH;
            case "unchecked-hash" -> InvalidationMode.UNCHECKED_HASH;
            default -> throw new IllegalArgumentException("--invalidation-mode must be timestamp, checked-hash or unchecked-hash, not "
                    + invalidationMode);
        };
    }

    /** The order of the results: each path's sources sorted by file (then the paths in the order given). */
    static final Comparator<Source> SOURCE_ORDER = Comparator.comparing(Source::file);

    /**
     * Hands {@code found} a file as given, or every {@code *.py} under a directory as the walk meets it
     * (in directory order), named as found under the path given. A symbolic link to a regular file counts.
     */
    static void find(String given, Consumer<Source> found) throws IOException {
        Path p = Path.of(given);
        if (!Files.isDirectory(p)) {
            if (!Files.exists(p)) throw new IOException("no such file or directory");
            found.accept(new Source(given, p, Files.isRegularFile(p) ? Files.size(p) : 0));
            return;
        }
        String base = given.endsWith("/") ? given : given + "/";
        // the walk reads each entry's attributes anyway (without following links): its size comes with it
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                if (!f.getFileName().toString().endsWith(".py")) return FileVisitResult.CONTINUE;
                BasicFileAttributes target = a.isSymbolicLink() ? linkTarget(f) : a;
                if (target != null && target.isRegularFile()) {
                    found.accept(new Source(base + p.relativize(f).toString().replace('\\', '/'), f, target.size()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The attributes of what a link leads to; null if it leads nowhere readable. */
    private static BasicFileAttributes linkTarget(Path link) {
        try {
            return Files.readAttributes(link, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Compiles one source: a finished result when it fails before its pyc exists, else the write of its pyc
     * as {@code writer} runs it (or as this thread runs it, when the writer's queue is full).
     */
    private Future<Result> compileOne(Source s, PyVersion v, InvalidationMode mode, ExecutorService writer) {
        byte[] source;
        BasicFileAttributes attrs;
        try {
            source = FileBytes.read(s.file());
            attrs = Files.readAttributes(s.file(), BasicFileAttributes.class);
        } catch (IOException e) {
            return done(new Result("jpyc compile: cannot read " + s.given() + ": " + e.getMessage() + "\n", 1));
        }
        Path target;
        try {
            target = outputPath(s.given(), v);
        } catch (PycachePathException e) {
            return done(new Result("jpyc compile: " + s.given() + ": " + e.pythonText() + "\n", 1));
        }
        if (target == null) return done(new Result("jpyc compile: " + s.given() + ": path leaves --out-dir; not written\n", 1));
        byte[] body;
        try {
            body = backend.marshalledCode(source, s.given(), v, optimization);
        } catch (PyCompileError e) {
            return done(new Result(PyCompileErrorText.of(e, source, s.given(), v), 1));
        } catch (RuntimeException | StackOverflowError e) {
            return done(new Result("jpyc compile: " + s.given() + ": jpyc failed: " + e + "\n", 2));
        }
        PycHeader header = switch (mode) {
            case TIMESTAMP -> PycHeader.timestamp(v, org.jpyc.pyc.Staleness.SourceStat.pythonMtime(attrs.lastModifiedTime().toInstant()), attrs.size());
            case CHECKED_HASH -> PycHeader.hashBased(v, SourceHash.of(v, source), true);
            case UNCHECKED_HASH -> PycHeader.hashBased(v, SourceHash.of(v, source), false);
        };
        byte[] head = header.toBytes();
        byte[] pyc = new byte[head.length + body.length];
        System.arraycopy(head, 0, pyc, 0, head.length);
        System.arraycopy(body, 0, pyc, head.length, body.length);
        return writer.submit(() -> {
            CacheWriter.Result w = new CacheWriter(false).cacheBytecode(s.file(), target, pyc);
            if (w.outcome() != CacheWriter.Outcome.WRITTEN) return new Result("jpyc compile: " + w.detail() + "\n", 1);
            return new Result("", 0);
        });
    }

    private static Future<Result> done(Result r) {
        return CompletableFuture.completedFuture(r);
    }

    /** Where the pyc of a source goes; null if {@code --out-dir} would be left. */
    private Path outputPath(String given, PyVersion v) {
        if (outDir == null) {
            return Path.of(PycacheRules.forVersion(v).cacheFromSourceForLevel(given, optimization, pycachePrefix, null));
        }
        return OutDir.pathFor(outDir, given, "c");
    }
}
