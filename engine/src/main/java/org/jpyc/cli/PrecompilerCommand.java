package org.jpyc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code jpyc precompiler}: a drop-in for rules_python's precompiler ({@code tools/precompiler}), the tool
 * of {@code py_exec_tools_toolchain(precompiler = ...)}. Its command line is rules_python's (see
 * {@link PrecompilerOptions}); without {@code --persistent_worker} it compiles the triples given and
 * exits (status as {@link Precompiler} says; messages on stderr); with it, it is a multiplex Bazel
 * worker ({@link PrecompilerWorker}).
 *
 * <p>{@link Main#main} hands {@code precompiler} command lines to {@link #run} before picocli sees them,
 * so that {@code @FILE} arguments are read as argparse reads them (one argument per line, nothing
 * quoted or commented), not as picocli's argument files; this class is what {@code jpyc --help} lists and
 * what a caller of {@link Main#commandLine()} reaches.
 */
@Command(name = "precompiler",
        description = "rules_python's precompiler (--src/--src_name/--pyc ..., --python_version X.Y, --optimize, "
                + "--invalidation_mode), or with --persistent_worker a multiplex Bazel worker (JSON protocol).")
public final class PrecompilerCommand implements Callable<Integer> {
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return run(args, System.in, System.out, System.err);
    }

    /**
     * {@code jpyc precompiler} as a program of its own (a {@code java_binary}'s {@code main_class}, which
     * cannot prepend the subcommand name: Bazel runs a tool with the action's arguments alone).
     */
    public static void main(String[] args) {
        System.exit(run(java.util.Arrays.asList(args), System.in, System.out, System.err));
    }

    /** Runs {@code jpyc precompiler ARGS}; returns the exit status. */
    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, PycBackend.JPYC, Path.of(""));
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err, PycBackend backend, Path workDir) {
        PrintStream errOut = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrecompilerOptions o;
        try {
            o = PrecompilerOptions.parse(args, workDir);
        } catch (PrecompilerOptions.UsageError e) {
            errOut.print(PrecompilerOptions.USAGE);
            errOut.println("jpyc precompiler: error: " + e.getMessage());
            return 2;
        }
        if (o.help()) {
            out.print(PrecompilerOptions.HELP);
            out.flush();
            return 0;
        }
        if (o.persistentWorker()) {
            // stdout is the protocol's: whatever else would be printed there goes to stderr
            PrintStream protocol = out;
            PrintStream saved = System.out;
            System.setOut(errOut);
            try {
                return new PrecompilerWorker(in, protocol, errOut, workDir, backend, Runtime.getRuntime().availableProcessors()).serve();
            } catch (IOException e) {
                errOut.println("jpyc precompiler: cannot read requests: " + e);
                return 2;
            } finally {
                System.setOut(saved);
            }
        }
        Precompiler.Outcome r = Precompiler.run(o, workDir, backend, Precompiler.Guard.NONE, false);
        errOut.print(r.output());
        return r.exitCode();
    }
}
