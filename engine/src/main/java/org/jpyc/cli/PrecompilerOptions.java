package org.jpyc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of rules_python's precompiler ({@code tools/precompiler/precompiler.py}), read as its
 * {@code argparse} parser reads it: {@code --src}, {@code --src_name}, {@code --pyc} (repeated, paired in
 * order), {@code --optimize N} (default -1), {@code --invalidation_mode} (an enum name of
 * {@code py_compile.PycInvalidationMode} in any case, default {@code TIMESTAMP}), {@code --python_version}
 * ({@code X.Y}, rules_python's spelling of the target; required here, since jpyc never assumes a host
 * version), {@code --persistent_worker}, and the worker's {@code --log_level} and {@code --worker_impl},
 * accepted and unused. As argparse does: {@code --flag value} and {@code --flag=value}, any unambiguous
 * prefix of a flag, {@code -h}/{@code --help}, and {@code @FILE} arguments replaced by the lines of FILE
 * (Python's {@code str.splitlines}, one argument per line, recursively), which is Bazel's
 * {@code multiline} param file format.
 */
record PrecompilerOptions(List<String> srcs, List<String> srcNames, List<String> pycs, int optimize,
                          String invalidationMode, String pythonVersion, boolean persistentWorker, boolean help) {

    /** A command line the precompiler refuses; argparse exits with status 2 for these. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    static final String USAGE = "usage: jpyc precompiler [-h] [--invalidation_mode INVALIDATION_MODE] [--optimize OPTIMIZE]\n"
            + "                        --python_version X.Y [--src SRC] [--src_name SRC_NAME] [--pyc PYC]\n"
            + "                        [--persistent_worker] [--log_level LOG_LEVEL] [--worker_impl WORKER_IMPL]\n";

    static final String HELP = USAGE + "\n"
            + "rules_python's precompiler: writes, for each --src/--src_name/--pyc triple, the pyc that\n"
            + "py_compile.compile(src, pyc, dfile=src_name, optimize=OPTIMIZE, invalidation_mode=MODE) of CPython\n"
            + "X.Y writes. With --persistent_worker, a multiplex Bazel worker speaking the JSON protocol.\n\n"
            + "options:\n"
            + "  -h, --help            show this help message and exit\n"
            + "  --invalidation_mode INVALIDATION_MODE\n"
            + "                        timestamp, checked_hash or unchecked_hash, in any case (default TIMESTAMP)\n"
            + "  --optimize OPTIMIZE   0, 1 or 2; -1 (the default) is a plain interpreter's level, 0\n"
            + "  --python_version X.Y  the target CPython version\n"
            + "  --src SRC             a source file (repeated)\n"
            + "  --src_name SRC_NAME   the file name compiled into the pyc for the --src in the same position\n"
            + "  --pyc PYC             where the pyc of the --src in the same position goes\n"
            + "  --persistent_worker   serve Bazel WorkRequests (JSON, one per line) on stdin\n"
            + "  --log_level LOG_LEVEL, --worker_impl WORKER_IMPL\n"
            + "                        accepted for rules_python's command line; unused\n";

    private static final List<String> FLAGS = List.of("--help", "--invalidation_mode", "--optimize", "--python_version",
            "--src", "--src_name", "--pyc", "--persistent_worker", "--log_level", "--worker_impl");

    /**
     * Parses a command line; {@code @FILE} arguments are read relative to {@code base} (the sandbox
     * directory of a work request, or the working directory).
     */
    static PrecompilerOptions parse(List<String> args, Path base) throws UsageError {
        List<String> in = expandArgsFiles(args, base, 0);
        List<String> srcs = new ArrayList<>();
        List<String> srcNames = new ArrayList<>();
        List<String> pycs = new ArrayList<>();
        int optimize = -1;
        String mode = "TIMESTAMP";
        String version = null;
        boolean worker = false;
        boolean help = false;
        List<String> unrecognized = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            String a = in.get(i);
            if (a.equals("--")) { // argparse: everything after is positional, and there are no positionals
                unrecognized.addAll(in.subList(i + 1, in.size()));
                break;
            }
            if (!looksLikeOption(a)) {
                unrecognized.add(a);
                continue;
            }
            if (a.equals("-h")) {
                help = true;
                continue;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            String flag = resolve(name);
            if (flag == null) {
                unrecognized.add(a);
                continue;
            }
            boolean takesValue = !flag.equals("--help") && !flag.equals("--persistent_worker");
            if (!takesValue) {
                if (value != null) throw new UsageError("argument " + flag + ": ignored explicit argument '" + value + "'");
                if (flag.equals("--help")) help = true;
                else worker = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= in.size() || looksLikeOption(in.get(i + 1)) || in.get(i + 1).equals("--")) {
                    throw new UsageError("argument " + flag + ": expected one argument");
                }
                value = in.get(++i);
            }
            switch (flag) {
                case "--src" -> srcs.add(value);
                case "--src_name" -> srcNames.add(value);
                case "--pyc" -> pycs.add(value);
                case "--optimize" -> optimize = parseInt(value);
                case "--invalidation_mode" -> mode = value;
                case "--python_version" -> version = value;
                default -> { } // --log_level, --worker_impl: the Python worker's logging and implementation
            }
        }
        if (!unrecognized.isEmpty()) throw new UsageError("unrecognized arguments: " + String.join(" ", unrecognized));
        return new PrecompilerOptions(List.copyOf(srcs), List.copyOf(srcNames), List.copyOf(pycs), optimize, mode, version,
                worker, help);
    }

    /**
     * The checks that make a parsed command line a compilation: one or more complete triples, a known
     * invalidation mode, an optimization level {@code compile()} accepts, a version.
     */
    void checkForCompile() throws UsageError {
        if (srcs.isEmpty()) throw new UsageError("no --src given: at least one --src/--src_name/--pyc triple is needed");
        if (srcs.size() != srcNames.size() || srcs.size() != pycs.size()) {
            throw new UsageError("Mismatched number of --src, --src_name, and/or --pyc args (" + srcs.size() + " --src, "
                    + srcNames.size() + " --src_name, " + pycs.size() + " --pyc)");
        }
        mode();
        if (optimize < -1 || optimize > 2) throw new UsageError("compile(): invalid optimize value " + optimize);
        if (pythonVersion == null) throw new UsageError("--python_version X.Y is required (the target CPython version)");
    }

    /** {@code py_compile.PycInvalidationMode[mode.upper()]}. */
    org.jpyc.pyc.InvalidationMode mode() throws UsageError {
        return switch (invalidationMode.toUpperCase(Locale.ROOT)) {
            case "TIMESTAMP" -> org.jpyc.pyc.InvalidationMode.TIMESTAMP;
            case "CHECKED_HASH" -> org.jpyc.pyc.InvalidationMode.CHECKED_HASH;
            case "UNCHECKED_HASH" -> org.jpyc.pyc.InvalidationMode.UNCHECKED_HASH;
            default -> throw new UsageError("Unknown PycInvalidationMode: " + invalidationMode);
        };
    }

    /** The level {@code compile()} uses: -1 is the interpreter's own, 0 for the precompiler's plain interpreter. */
    int effectiveOptimize() {
        return optimize < 0 ? 0 : optimize;
    }

    /** argparse's {@code int()}: optional sign, digits, surrounding whitespace. */
    private static int parseInt(String v) throws UsageError {
        String t = v.strip();
        try {
            return Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw new UsageError("argument --optimize: invalid int value: '" + v + "'");
        }
    }

    /**
     * Whether argparse takes {@code a} for an option: it starts with '-', is not just "-", is not a
     * negative number (the parser has no option that looks like one) and has no space after a
     * single-dash start.
     */
    private static boolean looksLikeOption(String a) {
        if (a.length() < 2 || a.charAt(0) != '-') return false;
        if (a.matches("-\\d+$|-\\d*\\.\\d+$")) return false;
        return a.startsWith("--") || !a.contains(" ");
    }

    /** The flag {@code name} names: itself, or the only flag it is a prefix of. */
    private static String resolve(String name) throws UsageError {
        if (!name.startsWith("--")) return null;
        if (FLAGS.contains(name)) return name;
        List<String> matches = FLAGS.stream().filter(f -> f.startsWith(name)).toList();
        if (matches.size() == 1) return matches.get(0);
        if (matches.size() > 1) {
            throw new UsageError("ambiguous option: " + name + " could match " + String.join(", ", matches));
        }
        return null;
    }

    /** argparse's {@code fromfile_prefix_chars='@'}: each {@code @FILE} replaced by its lines, recursively. */
    static List<String> expandArgsFiles(List<String> args, Path base, int depth) throws UsageError {
        if (depth > 32) throw new UsageError("argument files nested too deeply");
        List<String> out = new ArrayList<>(args.size());
        for (String a : args) {
            if (!a.startsWith("@")) {
                out.add(a);
                continue;
            }
            Path f = base.resolve(a.substring(1));
            String text;
            try {
                text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageError("cannot read argument file " + a.substring(1) + ": " + e.getMessage());
            }
            out.addAll(expandArgsFiles(splitLines(text), base, depth + 1));
        }
        return out;
    }

    /** Python's {@code str.splitlines()}: no empty last element for a final line break. */
    static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean brk = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e
                    || c == 0x85 || c == 0x2028 || c == 0x2029;
            if (!brk) {
                i++;
                continue;
            }
            lines.add(s.substring(start, i));
            i += (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') ? 2 : 1;
            start = i;
        }
        if (start < s.length()) lines.add(s.substring(start));
        return lines;
    }
}
