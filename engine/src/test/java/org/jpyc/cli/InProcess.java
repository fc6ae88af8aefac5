package org.jpyc.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import picocli.CommandLine;

/** A jpyc command line run in this JVM, as {@link Main#main} runs it (without exiting), its output captured. */
final class InProcess {
    private InProcess() {}

    /** Exit status, and what went to {@code System.out} and {@code System.err}. */
    record Result(int status, String out, String err) {}

    /**
     * Builds the command line and executes {@code args} on it with {@code System.out} and {@code System.err}
     * captured, then restored; built inside, as a command line takes its writers from them when made.
     */
    static Result run(Supplier<CommandLine> commandLine, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = commandLine.get().execute(args);
            System.out.flush();
            System.err.flush();
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }
}
