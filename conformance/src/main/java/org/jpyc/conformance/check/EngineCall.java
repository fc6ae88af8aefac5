package org.jpyc.conformance.check;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;

/** Runs engine code so that anything it throws becomes a failure description rather than a crash. */
final class EngineCall {
    /** What the engine threw, as a one-line summary and a trimmed stack trace. */
    static final class Failure extends Exception {
        final String summary;
        final String trace;

        Failure(String what, Throwable t) {
            super(what, t);
            this.summary = what + " threw " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            this.trace = trimmedTrace(t);
        }
    }

    private EngineCall() {}

    static <T> T call(String what, Supplier<T> body) throws Failure {
        try {
            return body.get();
        } catch (StackOverflowError | RuntimeException | AssertionError | LinkageError | OutOfMemoryError e) {
            throw new Failure(what, e);
        }
    }

    static String trimmedTrace(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        String[] lines = sw.toString().split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, 25); i++) sb.append(lines[i].stripTrailing()).append('\n');
        if (lines.length > 25) sb.append("\t... ").append(lines.length - 25).append(" more lines\n");
        return sb.toString();
    }
}
