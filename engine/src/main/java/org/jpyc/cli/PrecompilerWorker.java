package org.jpyc.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code jpyc precompiler --persistent_worker}: a Bazel persistent worker speaking the JSON worker
 * protocol (bazel.build/remote/persistent, /remote/multiplex, /remote/creating), the protocol rules_python's
 * precompiler speaks.
 *
 * <p>Requests: one JSON {@code WorkRequest} per line on stdin (Bazel prints them without insignificant
 * whitespace; a line that is not one whole JSON object is answered as malformed, on its own), with {@code arguments} (the precompiler's command line, {@code @FILE} expanded),
 * {@code inputs} (ignored), {@code requestId}, {@code cancel}, {@code verbosity} and {@code sandboxDir}
 * (relative paths, {@code @FILE} included, resolved against it). Requests with {@code requestId} 0
 * (singleplex) are answered one at a time, in order; others (multiplex) run concurrently on a pool as
 * wide as the machine, and their responses come in any order. Every request gets exactly one
 * {@code WorkResponse} ({@code exitCode}, {@code output}, {@code requestId}), one JSON object per line,
 * written whole. A cancel request for a request still running answers that request with
 * {@code wasCancelled: true} and no pyc is written after it; a cancel for a request already answered
 * (or unknown) is ignored, as the protocol asks. A request that cannot be read or is refused (malformed
 * JSON, unknown flag, missing file, syntax error, unsupported version) gets a nonzero {@code exitCode}
 * and the reason in {@code output}, and the worker keeps serving. stdout carries only responses:
 * anything else printed goes to stderr. The worker exits when stdin ends, after answering every request
 * it read.
 */
final class PrecompilerWorker {
    private final BufferedReader in;
    private final OutputStream out;
    private final PrintStream log;
    private final Path workDir;
    private final PycBackend backend;
    private final ExecutorService pool;
    private final Map<Integer, Job> running = new ConcurrentHashMap<>();

    PrecompilerWorker(InputStream in, OutputStream out, PrintStream log, Path workDir, PycBackend backend, int threads) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.log = log;
        this.workDir = workDir;
        this.backend = backend;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(null, r, "jpyc-precompiler", 64L << 20); // deep sources need a deep stack
            t.setDaemon(true);
            return t;
        });
    }

    /** One request in flight: answered once, by its task or by a cancel. */
    private final class Job implements Precompiler.Guard {
        final int id;
        final AtomicBoolean answered = new AtomicBoolean();
        private boolean cancelled; // guarded by this

        Job(int id) {
            this.id = id;
        }

        @Override
        public synchronized boolean write(Runnable write) {
            if (cancelled) return false;
            write.run();
            return true;
        }

        @Override
        public synchronized boolean cancelled() {
            return cancelled;
        }

        /** Marks the job cancelled; waits for a write in progress to end (the pyc is whole, or absent). */
        synchronized void cancel() {
            cancelled = true;
        }

        /** Sends this job's one response, unless it was already sent. */
        void answer(String json) {
            if (answered.compareAndSet(false, true)) {
                running.remove(id, this);
                send(json);
            }
        }
    }

    /** Serves requests until stdin ends; returns the process exit status (0). */
    int serve() throws IOException {
        List<Future<?>> inFlight = new ArrayList<>();
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                Object parsed;
                try {
                    parsed = Json.parse(line);
                } catch (Json.SyntaxError e) {
                    log.println("jpyc precompiler: malformed WorkRequest: " + e.getMessage());
                    send(response(2, "jpyc precompiler: malformed WorkRequest (" + e.getMessage() + "): " + abbreviate(line) + "\n",
                            idOf(line)));
                    continue;
                }
                Request r;
                try {
                    r = Request.of(parsed);
                } catch (IllegalArgumentException e) {
                    send(response(2, "jpyc precompiler: bad WorkRequest: " + e.getMessage() + "\n", idOf(parsed)));
                    continue;
                }
                if (r.cancel()) {
                    Job j = running.get(r.requestId());
                    if (j != null && r.requestId() != 0) {
                        j.cancel();
                        j.answer("{\"requestId\":" + j.id + ",\"wasCancelled\":true}");
                    }
                    continue;
                }
                Job job = new Job(r.requestId());
                if (r.requestId() != 0) running.put(r.requestId(), job);
                Future<?> f = pool.submit(() -> process(r, job));
                if (r.requestId() == 0) {
                    waitFor(f); // singleplex: one request at a time
                } else {
                    inFlight.add(f);
                    inFlight.removeIf(Future::isDone);
                }
            }
            for (Future<?> f : inFlight) waitFor(f);
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return 0;
    }

    private static void waitFor(Future<?> f) {
        try {
            f.get();
        } catch (ExecutionException e) {
            // process() answers its own failures
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one compile request and answers it (once: a cancel may have answered it already). */
    private void process(Request r, Job job) {
        Precompiler.Outcome o;
        try {
            Path base = r.sandboxDir().isEmpty() ? workDir : workDir.resolve(r.sandboxDir());
            PrecompilerOptions opts;
            try {
                opts = PrecompilerOptions.parse(r.arguments(), base);
            } catch (PrecompilerOptions.UsageError e) {
                job.answer(response(2, "jpyc precompiler: " + e.getMessage() + "\n", r.requestId()));
                return;
            }
            if (opts.help()) { // argparse would print the help on stdout, the protocol's
                job.answer(response(2, "jpyc precompiler: --help is not a request argument\n", r.requestId()));
                return;
            }
            // --persistent_worker in a request is accepted and means nothing, as in rules_python's worker
            o = Precompiler.run(opts, base, backend, job, r.verbosity() >= 10);
        } catch (RuntimeException | Error e) {
            o = new Precompiler.Outcome(3, "jpyc precompiler: internal error: " + e + "\n");
        }
        job.answer(response(o.exitCode(), o.output(), r.requestId()));
    }

    /** A {@code WorkResponse} as one line of JSON. */
    static String response(int exitCode, String output, int requestId) {
        return "{\"exitCode\":" + exitCode + ",\"output\":" + Json.quote(output) + ",\"requestId\":" + requestId + "}";
    }

    /** Writes one response line, whole (responses from several threads never interleave). */
    private void send(String json) {
        byte[] b = (json + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            try {
                out.write(b);
                out.flush();
            } catch (IOException e) {
                log.println("jpyc precompiler: cannot write a response: " + e);
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    /** The requestId of a request that could not be read in full, if it shows one; else 0. */
    private static int idOf(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"requestId\"\\s*:\\s*(\\d{1,9})").matcher(line);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static int idOf(Object parsed) {
        if (parsed instanceof Map<?, ?> m && m.get("requestId") instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        return 0;
    }

    /** The fields of a {@code WorkRequest} the precompiler uses. */
    record Request(List<String> arguments, int requestId, boolean cancel, String sandboxDir, int verbosity) {
        /** Reads the proto3 JSON mapping of {@code WorkRequest}: absent fields are defaults, unknown ones ignored. */
        static Request of(Object parsed) {
            if (!(parsed instanceof Map<?, ?> m)) throw new IllegalArgumentException("a WorkRequest is a JSON object");
            List<String> args = new ArrayList<>();
            Object a = m.get("arguments");
            if (a != null) {
                if (!(a instanceof List<?> l)) throw new IllegalArgumentException("'arguments' is not a list");
                for (Object x : l) {
                    if (!(x instanceof String s)) throw new IllegalArgumentException("'arguments' holds a non-string: " + x);
                    args.add(s);
                }
            }
            Object c = m.get("cancel");
            if (c != null && !(c instanceof Boolean)) throw new IllegalArgumentException("'cancel' is not a boolean");
            Object sd = m.get("sandboxDir");
            if (sd != null && !(sd instanceof String)) throw new IllegalArgumentException("'sandboxDir' is not a string");
            return new Request(args, int32(m, "requestId"), Boolean.TRUE.equals(c), sd == null ? "" : (String) sd,
                    int32(m, "verbosity"));
        }

        private static int int32(Map<?, ?> m, String key) {
            Object v = m.get(key);
            if (v == null) return 0;
            if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) return l.intValue();
            if (v instanceof String s) { // proto3 JSON also allows numbers as strings
                try {
                    return Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    // fall through
                }
            }
            throw new IllegalArgumentException("'" + key + "' is not a 32-bit integer: " + v);
        }
    }
}
