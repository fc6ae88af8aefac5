package org.jpyc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jpyc.compile.Compiler;
import org.jpyc.pyc.InvalidationMode;
import org.jpyc.util.FileBytes;
import org.jpyc.version.PyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jpyc compileall --target X.Y [options] FILE|DIR...}: {@code python -m compileall} of CPython X.Y
 * (3.13's {@code Lib/compileall.py}; 3.14's is the same), with jpyc's compiler in place of the
 * interpreter's: the same files written with the same bytes, the same lines on stdout and the same exit
 * status (0 if every file compiled, 1 if one did not or compileall raised; 2 for a usage error).
 * {@code SOURCE_DATE_EPOCH} and {@code PYTHONPYCACHEPREFIX} act as they do on the interpreter.
 *
 * <p>Differences, all outside what compileall writes: with {@code -j} CPython's worker processes print
 * in whatever order their buffers are flushed, jpyc prints in the order {@code -j 1} does; an exception
 * compileall does not catch is one line on stderr instead of a traceback; without FILE|DIR compileall
 * compiles {@code sys.path} of the interpreter running it, which jpyc has not got, so it refuses; the
 * {@code -x} regex is Python {@code re} syntax translated to {@link Pattern} (named groups, {@code \Z},
 * literal {@code [} in a class).
 */
@Command(name = "compileall", mixinStandardHelpOptions = true,
        description = "Byte-compile trees as `python -m compileall` of the target version does.")
public final class CompileallCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, paramLabel = "X.Y", description = "target Python version")
    String target;

    @Option(names = "-l", description = "don't recurse into subdirectories")
    boolean noRecursion;

    @Option(names = "-r", paramLabel = "RECURSION",
            description = "control the maximum recursion level. if `-l` and `-r` options are specified, then `-r` takes precedence.")
    Integer recursion;

    @Option(names = "-f", description = "force rebuild even if timestamps are up to date")
    boolean force;

    @Option(names = "-q", description = "output only error messages; -qq will suppress the error messages as well.")
    boolean[] quiet = new boolean[0];

    @Option(names = "-b", description = "use legacy (pre-PEP3147) compiled file locations")
    boolean legacy;

    @Option(names = "-d", paramLabel = "DESTDIR", description = "directory to prepend to file paths for use in compile-time tracebacks "
            + "and in runtime tracebacks in cases where the source file is unavailable")
    String ddir;

    @Option(names = "-s", paramLabel = "STRIPDIR", description = "part of path to left-strip from path to source file - for example "
            + "buildroot. `-d` and `-s` options cannot be specified together.")
    String stripdir;

    @Option(names = "-p", paramLabel = "PREPENDDIR", description = "path to add as prefix to path to source file - for example / to "
            + "make it absolute when some part is removed by `-s` option. `-d` and `-p` options cannot be specified together.")
    String prependdir;

    @Option(names = "-x", paramLabel = "REGEXP", description = "skip files matching the regular expression; the regexp is searched for "
            + "in the full path of each file considered for compilation")
    String rx;

    @Option(names = "-i", paramLabel = "FILE", description = "add all the files and directories listed in FILE to the list considered "
            + "for compilation; if \"-\", names are read from stdin")
    String flist;

    @Option(names = {"-j", "--workers"}, paramLabel = "WORKERS", description = "Run compileall concurrently (0: as many as cores)")
    int workers = 1;

    @Option(names = "--invalidation-mode", paramLabel = "{checked-hash,timestamp,unchecked-hash}",
            description = "set .pyc invalidation mode; defaults to \"checked-hash\" if the SOURCE_DATE_EPOCH environment variable "
                    + "is set, and \"timestamp\" otherwise.")
    String invalidationMode;

    @Option(names = "-o", paramLabel = "OPT_LEVELS", description = "Optimization levels to run compilation with (repeatable). "
            + "Default is -1 which uses the optimization level of the Python interpreter itself, 0 here.")
    List<Integer> optLevels;

    @Option(names = "-e", paramLabel = "DIR", description = "Ignore symlinks pointing outside of the DIR")
    String limitSlDest;

    @Option(names = "--hardlink-dupes", description = "Hardlink duplicated pyc files")
    boolean hardlinkDupes;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "zero or more file and directory names to compile")
    List<String> compileDest = new ArrayList<>();

    /** The compiler behind the command (a stand-in in tests): as compileall's own process compiles. */
    PycBackend backend = PycBackend.COMPILEALL;
    /** The compiler for {@code -j N} other than 1: as compileall's worker processes compile. */
    PycBackend workerBackend = PycBackend.COMPILEALL_WORKER;
    /** {@code SOURCE_DATE_EPOCH} as the command sees it (tests override). */
    String sourceDateEpoch = System.getenv("SOURCE_DATE_EPOCH");
    /** {@code PYTHONPYCACHEPREFIX}, CPython's {@code sys.pycache_prefix} when set and not empty (tests override). */
    String pycachePrefix = System.getenv("PYTHONPYCACHEPREFIX");
    /** Where compileall's prints go (tests override). */
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    /** Where jpyc's own messages go (tests override). */
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    /** Standard input, for {@code -i -}. */
    InputStream stdin = System.in;
    /** The working directory relative paths are resolved against (tests override; null: the JVM's). */
    Path cwd;

    private boolean jpycFailed;

    @Override
    public Integer call() {
        PyVersion v;
        try {
            v = PyVersion.parse(target);
        } catch (IllegalArgumentException e) {
            err.println("jpyc compileall: " + e.getMessage());
            return 2;
        }
        if (!Compiler.targets(v)) {
            err.println("jpyc compileall: the compiler does not target CPython " + v + " (targets: "
                    + Compiler.targets().stream().sorted().map(String::valueOf).toList() + ")");
            return 2;
        }
        // argparse's checks, in main()'s order
        InvalidationMode ivl;
        if (invalidationMode == null) {
            ivl = sourceDateEpoch != null && !sourceDateEpoch.isEmpty() ? InvalidationMode.CHECKED_HASH : InvalidationMode.TIMESTAMP;
        } else {
            switch (invalidationMode) {
                case "timestamp" -> ivl = InvalidationMode.TIMESTAMP;
                case "checked-hash" -> ivl = InvalidationMode.CHECKED_HASH;
                case "unchecked-hash" -> ivl = InvalidationMode.UNCHECKED_HASH;
                default -> {
                    err.println("jpyc compileall: error: argument --invalidation-mode: invalid choice: '" + invalidationMode
                            + "' (choose from checked-hash, timestamp, unchecked-hash)");
                    return 2;
                }
            }
        }
        Compileall c = new Compileall(v, backend);
        c.quiet = quiet.length;
        c.force = force;
        c.legacy = legacy;
        c.hardlinkDupes = hardlinkDupes;
        c.mode = ivl;
        c.cwd = cwd;
        c.pycachePrefix = pycachePrefix == null || pycachePrefix.isEmpty() ? null : pycachePrefix;
        if (rx != null && !rx.isEmpty()) {
            try {
                c.rx = pythonRegex(rx);
            } catch (PatternSyntaxException e) {
                err.println("re.PatternError: " + e.getDescription() + " (jpyc compileall: -x " + rx + ")");
                return 1;
            }
        }
        c.limitSlDest = limitSlDest == null || limitSlDest.isEmpty() ? null : limitSlDest;
        Integer maxlevels = recursion != null ? recursion : noRecursion ? Integer.valueOf(0) : null;
        c.optimize = optLevels == null ? List.of(-1) : List.copyOf(optLevels);
        if (c.optimize.size() == 1 && hardlinkDupes) {
            err.println("jpyc compileall: error: Hardlinking of duplicated bytecode makes sense only for more than one optimization level.");
            return 2;
        }
        if (ddir != null && (stripdir != null || prependdir != null)) {
            err.println("jpyc compileall: error: -d cannot be used in combination with -s or -p");
            return 2;
        }
        List<String> dests = new ArrayList<>(compileDest);
        if (flist != null && !flist.isEmpty()) {
            try {
                dests.addAll(readFileList(flist.equals("-") ? stdin.readAllBytes() : FileBytes.read(cwd == null ? Path.of(flist) : cwd.resolve(flist))));
            } catch (IOException e) {
                if (c.quiet < 2) out.println("Error reading file list " + flist);
                return 1;
            } catch (Compileall.Uncaught e) {
                err.println(e.getMessage());
                return 1;
            }
        }
        if (dests.isEmpty()) {
            err.println("jpyc compileall: no FILE|DIR given (compileall would compile the sys.path of the interpreter running it)");
            return 2;
        }
        boolean success = true;
        try {
            for (String dest : dests) {
                if (c.isfile(dest)) {
                    StringBuilder sb = new StringBuilder();
                    try {
                        if (!fileOrFailure(c, dest, ddir, stripdir, prependdir, sb)) success = false;
                    } finally {
                        out.print(sb);
                    }
                } else if (!compileDir(c, dest, maxlevels, ddir)) {
                    success = false;
                }
            }
        } catch (Compileall.Uncaught e) {
            out.flush();
            err.println(e.getMessage());
            return 1;
        }
        out.flush();
        if (jpycFailed) return 2;
        return success ? 0 : 1;
    }

    /** {@code compile_dir(dir, maxlevels, ddir, force, rx, quiet, legacy, workers=..., ...)}. */
    private boolean compileDir(Compileall c, String dir, Integer maxlevels, String ddir) {
        String strip = stripdir;
        String prepend = prependdir;
        if (ddir != null) {
            strip = dir;
            prepend = ddir;
        }
        if (workers < 0) throw new Compileall.Uncaught("ValueError: workers must be greater or equal to 0");
        List<Compileall.Step> steps = c.walkDir(dir, maxlevels != null ? maxlevels : 1000); // sys.getrecursionlimit()
        boolean success = true;
        if (workers == 1) {
            for (Compileall.Step s : steps) {
                if (s.printed() != null) {
                    out.print(s.printed());
                    continue;
                }
                StringBuilder sb = new StringBuilder();
                try {
                    if (!fileOrFailure(c, s.file(), null, strip, prepend, sb)) success = false;
                } finally {
                    out.print(sb);
                }
            }
            return success;
        }
        // CPython's workers print as their buffers flush; here the walk's lines come first, then each
        // file's lines in walk order
        List<String> files = new ArrayList<>();
        for (Compileall.Step s : steps) {
            if (s.printed() != null) out.print(s.printed());
            else files.add(s.file());
        }
        int n = workers == 0 ? Runtime.getRuntime().availableProcessors() : workers;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(n, files.size())), r -> {
            Thread t = new Thread(null, r, "jpyc-compileall", 64L << 20); // deep sources need a deep stack
            t.setDaemon(true);
            return t;
        });
        final String fStrip = strip;
        final String fPrepend = prepend;
        Compileall inWorker = c.withBackend(workerBackend);
        record Done(boolean ok, String printed) {}
        try {
            List<Future<Done>> results = new ArrayList<>();
            for (String f : files) {
                results.add(pool.submit(() -> {
                    StringBuilder sb = new StringBuilder();
                    boolean ok = fileOrFailure(inWorker, f, null, fStrip, fPrepend, sb);
                    return new Done(ok, sb.toString());
                }));
            }
            for (Future<Done> f : results) {
                Done d;
                try {
                    d = f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Compileall.Uncaught u) throw u;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Compileall.Uncaught("KeyboardInterrupt");
                }
                out.print(d.printed());
                if (!d.ok()) success = false;
            }
        } finally {
            pool.shutdownNow();
        }
        return success;
    }

    /** {@code compile_file}, with jpyc's own failures reported on stderr and counted as a failed file. */
    private boolean fileOrFailure(Compileall c, String file, String ddir, String strip, String prepend, StringBuilder sb) {
        try {
            return c.compileFile(file, ddir, strip, prepend, sb);
        } catch (Compileall.JpycFailure e) {
            synchronized (this) {
                jpycFailed = true;
                err.println("jpyc compileall: " + e.getMessage());
            }
            return false;
        }
    }

    /**
     * The names in a {@code -i} list: read as UTF-8 text with universal newlines, each line
     * {@code str.strip()}ped (empty lines stay, as in compileall).
     */
    static List<String> readFileList(byte[] data) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new Compileall.Uncaught("UnicodeDecodeError: 'utf-8' codec can't decode the file list");
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(pyStrip(text.substring(start, end)));
            start = end;
        }
        return lines;
    }

    /** {@code str.strip()}: Python's whitespace at both ends. */
    static String pyStrip(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && pySpace(s.charAt(b))) b++;
        while (e > b && pySpace(s.charAt(e - 1))) e--;
        return s.substring(b, e);
    }

    private static boolean pySpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /**
     * A Python {@code re} pattern as a {@link Pattern} with the same meaning for what {@code -x} is used
     * for: {@code (?P<n>...)} and {@code (?P=n)} become Java's named groups, {@code \Z} is {@code \z}, a
     * {@code [} inside a class is literal, {@code $} ends at a final {@code \n} only, and {@code \w}
     * {@code \d} {@code \s} are Unicode's.
     */
    static Pattern pythonRegex(String py) {
        StringBuilder j = new StringBuilder();
        boolean inClass = false;
        int classStart = -1;
        for (int i = 0; i < py.length(); i++) {
            char ch = py.charAt(i);
            if (ch == '\\' && i + 1 < py.length()) {
                char nx = py.charAt(i + 1);
                j.append(nx == 'Z' && !inClass ? "\\z" : "\\" + nx);
                i++;
            } else if (inClass) {
                if (ch == ']' && i > classStart) {
                    inClass = false;
                    j.append(ch);
                } else if (ch == '[' || (ch == '&' && i + 1 < py.length() && py.charAt(i + 1) == '&')) {
                    j.append('\\').append(ch);
                } else {
                    j.append(ch);
                }
            } else if (ch == '[') {
                inClass = true;
                j.append(ch);
                classStart = i + 1;
                if (classStart < py.length() && py.charAt(classStart) == '^') {
                    j.append('^');
                    classStart++;
                    i++;
                }
                // a ']' right after '[' or '[^' is literal in Python
                if (classStart < py.length() && py.charAt(classStart) == ']') {
                    j.append("\\]");
                    i++;
                    classStart++;
                }
            } else if (py.startsWith("(?P<", i)) {
                j.append("(?<");
                i += 3;
            } else if (py.startsWith("(?P=", i)) {
                int close = py.indexOf(')', i);
                if (close < 0) throw new PatternSyntaxException("missing ), unterminated name", py, i);
                j.append("\\k<").append(py, i + 4, close).append('>');
                i = close;
            } else {
                j.append(ch);
            }
        }
        return Pattern.compile(j.toString(), Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS);
    }
}
