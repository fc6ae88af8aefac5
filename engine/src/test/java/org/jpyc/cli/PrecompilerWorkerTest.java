package org.jpyc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jpyc.testing.EmbeddedPython;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jpyc.testing.Checkout;

/**
 * {@code jpyc precompiler} driven as Bazel drives rules_python's precompiler: a separate process started
 * with {@code --persistent_worker} and fed JSON WorkRequests on stdin (singleplex and multiplexed, with
 * sandbox directories and param files, cancelled, malformed or refused), its stdout read back as
 * WorkResponses (every line must be one; each request answered exactly once); and the one-shot command
 * line. Every pyc is compared with what the real CPython 3.13 writes for the same call rules_python's
 * precompiler makes, {@code py_compile.compile(src, pyc, doraise=True, dfile=src_name, optimize=N,
 * invalidation_mode=PycInvalidationMode[MODE.upper()])}, one file per fresh interpreter; error messages
 * with its {@code PyCompileError.msg}.
 */
class PrecompilerWorkerTest {
    private static Path python;
    private static Path corpus;

    /** Sources of several kinds (closures, classes, async comprehensions, match, f-strings, try, docstrings, non-ASCII). */
    private static final List<String> CASES = List.of("functions/closures.py", "classes/basic_class.py",
            "comprehensions/async_comprehensions.py", "match/every_pattern_kind.py", "fstrings/format_spec_literals.py",
            "exceptions/deep_try_nesting.py", "docstrings/optimize_levels_asserts_debug.py", "unicode/nonascii_identifiers_scopes.py");

    @TempDir
    Path execroot;

    private final List<Worker> workers = new ArrayList<>();

    @BeforeAll
    static void findPython() {
        python = EmbeddedPython.python313().orElse(null);
        Assumptions.assumeTrue(python != null, "no embedded CPython 3.13 under ~/.cache/jpyc/cpython");
        corpus = Checkout.findUp("corpus/cases");
        Assumptions.assumeTrue(corpus != null, "corpus/cases not found above " + Path.of("").toAbsolutePath());
    }


    @BeforeEach
    void copySources() throws IOException {
        for (String c : CASES) {
            Path to = execroot.resolve("src").resolve(c);
            Files.createDirectories(to.getParent());
            Files.copy(corpus.resolve(c), to);
        }
    }

    @AfterEach
    void stopWorkers() throws Exception {
        for (Worker w : workers) w.kill();
    }

    // ---- the worker process, as Bazel runs it

    /** {@code jpyc precompiler --persistent_worker} in {@code execroot}, its stdout parsed as WorkResponses. */
    private final class Worker {
        final Process process;
        final OutputStream stdin;
        final BlockingQueue<Map<?, ?>> responses = new LinkedBlockingQueue<>();
        final List<String> notResponses = java.util.Collections.synchronizedList(new ArrayList<>());
        final StringBuffer stderr = new StringBuffer();

        Worker() throws IOException {
            process = start(List.of("precompiler", "--persistent_worker"));
            stdin = process.getOutputStream();
            Thread out = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        try {
                            Object v = Json.parse(line);
                            if (v instanceof Map<?, ?> m) responses.add(m);
                            else notResponses.add(line);
                        } catch (Json.SyntaxError e) {
                            notResponses.add(line);
                        }
                    }
                } catch (IOException e) {
                    notResponses.add("stdout failed: " + e);
                }
            });
            out.setDaemon(true);
            out.start();
            Thread err = new Thread(() -> {
                try {
                    stderr.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    stderr.append(e);
                }
            });
            err.setDaemon(true);
            err.start();
            workers.add(this);
        }

        void send(String line) throws IOException {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }

        Map<?, ?> next() throws InterruptedException {
            Map<?, ?> r = responses.poll(120, TimeUnit.SECONDS);
            assertNotNull(r, "no response within 120 s; stderr: " + stderr);
            return r;
        }

        /** Closes stdin: the worker answers what it read, then exits 0; stdout held only responses. */
        void finish() throws Exception {
            stdin.close();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "worker did not exit at end of input");
            assertEquals(0, process.exitValue(), "worker exit status; stderr: " + stderr);
            Thread.sleep(100);
            assertEquals(List.of(), notResponses, "stdout lines that are not WorkResponses");
        }

        void kill() {
            process.destroyForcibly();
        }
    }

    private Process start(List<String> jpycArgs) throws IOException {
        return start("org.jpyc.cli.Main", jpycArgs);
    }

    private Process start(String mainClass, List<String> jpycArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(jpycArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(execroot.toFile());
        return pb.start();
    }

    private static String request(int id, List<String> args, String sandboxDir) {
        StringBuilder sb = new StringBuilder("{\"arguments\":[");
        for (int i = 0; i < args.size(); i++) sb.append(i > 0 ? "," : "").append(Json.quote(args.get(i)));
        // as Bazel's JSON printer writes it: every field, defaults included
        sb.append("],\"inputs\":[],\"requestId\":").append(id).append(",\"cancel\":false,\"verbosity\":0,\"sandboxDir\":")
                .append(Json.quote(sandboxDir == null ? "" : sandboxDir)).append('}');
        return sb.toString();
    }

    private static String cancel(int id) {
        return "{\"arguments\":[],\"inputs\":[],\"requestId\":" + id + ",\"cancel\":true,\"verbosity\":0,\"sandboxDir\":\"\"}";
    }

    /** One rules_python precompile action: one triple, as its action passes it. */
    record Triple(String src, String srcName, String pyc) {}

    private static List<String> args(List<Triple> triples, int optimize, String mode) {
        List<String> a = new ArrayList<>(List.of("--invalidation_mode", mode));
        for (Triple t : triples) a.addAll(List.of("--src", t.src(), "--src_name", t.srcName(), "--pyc", t.pyc()));
        a.addAll(List.of("--optimize", Integer.toString(optimize), "--python_version", "3.13"));
        return a;
    }

    // ---- the reference: CPython 3.13's py_compile, called as rules_python's precompiler calls it

    private final Map<String, byte[]> refs = new ConcurrentHashMap<>();

    /** The pyc CPython writes for {@code src} (absolute), or throws with its PyCompileError.msg. */
    private byte[] reference(Path src, String srcName, int optimize, String mode) throws Exception {
        String key = src + "\0" + srcName + "\0" + optimize + "\0" + mode;
        byte[] cached = refs.get(key);
        if (cached != null) return cached;
        Path dir = Files.createTempDirectory("jpyc-ref-");
        Path cfile = dir.resolve("ref.pyc");
        String script = "import py_compile, sys\n"
                + "try:\n"
                + "    py_compile.compile(sys.argv[1], sys.argv[2], doraise=True, dfile=sys.argv[3], optimize=int(sys.argv[4]),\n"
                + "                       invalidation_mode=py_compile.PycInvalidationMode[sys.argv[5].upper()])\n"
                + "except py_compile.PyCompileError as e:\n"
                + "    sys.stdout.write(e.msg)\n";
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-s", "-B", "-c", script, src.toString(), cfile.toString(), srcName,
                Integer.toString(optimize), mode);
        pb.environment().keySet().removeIf(k -> k.startsWith("PYTHON"));
        pb.environment().put("PYTHONHASHSEED", "0");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        byte[] b;
        try {
            Process p = pb.start();
            String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            if (!msg.isEmpty()) throw new CPythonRejected(msg);
            b = Files.readAllBytes(cfile);
        } finally { // a rejected source leaves no pyc: delete what is there
            Files.deleteIfExists(cfile);
            Files.delete(dir);
        }
        refs.put(key, b);
        return b;
    }

    static final class CPythonRejected extends Exception {
        CPythonRejected(String msg) {
            super(msg);
        }
    }

    private static void assertOk(Map<?, ?> r, int id) {
        assertEquals((long) id, r.get("requestId"));
        assertEquals(0L, r.get("exitCode"), () -> "output: " + r.get("output"));
        assertEquals("", r.get("output"));
        assertNull(r.get("wasCancelled"));
    }

    // ---- the tests

    @Test
    void singleplexRequestsAreAnsweredOneAtATimeWithPyCompilesBytes() throws Exception {
        Worker w = new Worker();
        String[] modes = {"checked_hash", "unchecked_hash", "timestamp", "CHECKED_HASH"};
        for (int i = 0; i < CASES.size(); i++) {
            String c = CASES.get(i);
            int optimize = i % 4 - 1; // -1, 0, 1, 2
            String mode = modes[i % modes.length];
            Triple t = new Triple("src/" + c, "pkg/" + c, "bazel-out/bin/src/" + c.replace(".py", ".cpython-313.pyc"));
            w.send(request(0, args(List.of(t), optimize, mode), ""));
            assertOk(w.next(), 0);
            assertArrayEquals(reference(execroot.resolve(t.src()), t.srcName(), optimize, mode),
                    Files.readAllBytes(execroot.resolve(t.pyc())), c + " -O" + optimize + " " + mode);
        }
        w.finish();
    }

    @Test
    void multiplexedRequestsInSandboxesWithParamFilesAreEachAnsweredOnce() throws Exception {
        // each request runs in its own sandbox directory, holding its sources and its param file as Bazel lays them out
        int n = 12;
        Map<Integer, List<Triple>> byId = new HashMap<>();
        Map<Integer, Integer> optimizeOf = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
            String sandbox = "__sandbox/" + id + "/execroot";
            List<Triple> triples = new ArrayList<>();
            for (int k = 0; k < 1 + id % 3; k++) {
                String c = CASES.get((id + k) % CASES.size());
                Path src = execroot.resolve(sandbox).resolve("src").resolve(c);
                Files.createDirectories(src.getParent());
                Files.copy(execroot.resolve("src").resolve(c), src);
                triples.add(new Triple("src/" + c, c, "bazel-out/bin/src/" + c.replace(".py", ".pyc")));
            }
            int optimize = id % 3;
            List<String> a = args(triples, optimize, id % 2 == 0 ? "checked_hash" : "unchecked_hash");
            if (id % 2 == 1) { // through a param file, one argument per line (Bazel's "multiline" format)
                Path params = execroot.resolve(sandbox).resolve("bazel-out/params/" + id + ".params");
                Files.createDirectories(params.getParent());
                Files.writeString(params, String.join("\n", a) + "\n", StandardCharsets.UTF_8);
                a = List.of("@bazel-out/params/" + id + ".params");
            }
            byId.put(id, triples);
            optimizeOf.put(id, optimize);
            lines.add(request(id, a, sandbox));
        }
        Worker w = new Worker();
        for (String l : lines) w.send(l); // all at once, before any response
        Set<Long> answered = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Map<?, ?> r = w.next();
            long id = (Long) r.get("requestId");
            assertTrue(answered.add(id), "request " + id + " answered twice");
            assertOk(r, (int) id);
        }
        w.finish();
        assertEquals(n, answered.size());
        assertTrue(w.responses.isEmpty(), "more responses than requests: " + w.responses);
        for (int id = 1; id <= n; id++) {
            String sandbox = "__sandbox/" + id + "/execroot";
            for (Triple t : byId.get(id)) {
                // hash-based pycs do not depend on the copy's mtime: the reference compiles the original
                Path src = execroot.resolve(t.src());
                assertArrayEquals(reference(src, t.srcName(), optimizeOf.get(id), id % 2 == 0 ? "checked_hash" : "unchecked_hash"),
                        Files.readAllBytes(execroot.resolve(sandbox).resolve(t.pyc())), "request " + id + " " + t);
                assertFalse(Files.exists(execroot.resolve(t.pyc())), "written outside its sandbox: " + t.pyc());
            }
        }
    }

    @Test
    void badRequestsGetANonzeroExitCodeAndTheirReasonAndTheWorkerKeepsServing() throws Exception {
        Files.writeString(execroot.resolve("src/bad.py"), "def f(:\n    pass\n", StandardCharsets.UTF_8);
        Files.writeString(execroot.resolve("src/bad_indent.py"), "if x:\npass\n", StandardCharsets.UTF_8);
        Triple good = new Triple("src/" + CASES.get(0), CASES.get(0), "out/good.pyc");
        Worker w = new Worker();
        List<String> unknownFlag = new ArrayList<>(args(List.of(good), 0, "checked_hash"));
        unknownFlag.add("--frobnicate");
        List<String> mismatched = new ArrayList<>(args(List.of(good), 0, "checked_hash"));
        mismatched.addAll(List.of("--src", "src/x.py"));
        w.send(request(1, unknownFlag, ""));
        w.send(request(2, args(List.of(new Triple("src/missing.py", "missing.py", "out/m.pyc")), 0, "checked_hash"), ""));
        w.send(request(3, args(List.of(new Triple("src/bad.py", "pkg/bad.py", "out/bad.pyc")), 0, "checked_hash"), ""));
        w.send(request(4, args(List.of(new Triple("src/bad_indent.py", "pkg/bad_indent.py", "out/bi.pyc")), 0, "timestamp"), ""));
        List<String> v39 = new ArrayList<>(args(List.of(good), 0, "checked_hash"));
        v39.set(v39.size() - 1, "3.9"); // a version the compiler does not target
        w.send(request(5, v39, ""));
        w.send(request(6, args(List.of(good), 0, "checked-hash"), "")); // not a PycInvalidationMode name
        w.send(request(7, mismatched, ""));
        w.send("{\"arguments\": [\"--src\", "); // truncated (each line is one request), then not JSON at all
        w.send("this is not JSON");
        w.send("{\"arguments\":\"--src\",\"requestId\":9}"); // JSON, but not a WorkRequest
        Map<Long, Map<?, ?>> got = new HashMap<>();
        List<Map<?, ?>> unnumbered = new ArrayList<>();
        for (int i = 0; i < 10; i++) { // requests 1-7, the two malformed lines, request 9
            Map<?, ?> r = w.next();
            long id = (Long) r.get("requestId");
            if (id == 0) unnumbered.add(r);
            else assertNull(got.put(id, r), "answered twice: " + id);
        }
        for (long id = 1; id <= 7; id++) {
            Map<?, ?> r = got.get(id);
            assertNotNull(r, "no response for " + id);
            assertNotEquals(0L, r.get("exitCode"), "request " + id);
            assertFalse(((String) r.get("output")).isEmpty(), "request " + id + " says why");
        }
        assertTrue(((String) got.get(1L).get("output")).contains("--frobnicate"));
        assertTrue(((String) got.get(2L).get("output")).contains("src/missing.py"));
        assertTrue(((String) got.get(5L).get("output")).contains("3.9"));
        assertTrue(((String) got.get(6L).get("output")).contains("Unknown PycInvalidationMode: checked-hash"));
        assertTrue(((String) got.get(7L).get("output")).contains("Mismatched"));
        // a rejected source: py_compile's own message for it (PyCompileError.msg)
        for (long id : new long[] {3, 4}) {
            String name = id == 3 ? "bad" : "bad_indent";
            String msg;
            try {
                reference(execroot.resolve("src/" + name + ".py"), "pkg/" + name + ".py", 0, "checked_hash");
                throw new AssertionError("CPython accepted " + name);
            } catch (CPythonRejected e) {
                msg = e.getMessage();
            }
            assertEquals(1L, got.get(id).get("exitCode"));
            assertEquals(msg + "\n", got.get(id).get("output"));
        }
        assertFalse(Files.exists(execroot.resolve("out/bad.pyc")));
        assertEquals(2, unnumbered.size(), "the malformed lines are answered (request id 0): " + unnumbered);
        assertEquals(9L, got.get(9L).get("requestId"));
        // still serving (--persistent_worker in a request is accepted and ignored, as rules_python's worker does)
        List<String> a10 = new ArrayList<>(args(List.of(good), 1, "checked_hash"));
        a10.add("--persistent_worker");
        w.send(request(10, a10, ""));
        assertOk(w.next(), 10);
        assertArrayEquals(reference(execroot.resolve(good.src()), good.srcName(), 1, "checked_hash"),
                Files.readAllBytes(execroot.resolve(good.pyc())));
        w.finish();
    }

    @Test
    void aCancelledRequestIsAnsweredOnceAsCancelledAndWritesNothingAfter() throws Exception {
        // a request long enough to be running when its cancel arrives: many copies of a large generated source
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            big.append("def f").append(i).append("(a, b=").append(i).append("):\n    return [x * b for x in a if x] + [")
                    .append(i).append("]\n\nclass C").append(i).append(":\n    def m(self, *args): return f").append(i)
                    .append("(args)\n\n");
        }
        Files.writeString(execroot.resolve("src/big.py"), big.toString(), StandardCharsets.UTF_8);
        List<Triple> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) many.add(new Triple("src/big.py", "big.py", "out/cancel/big" + i + ".pyc"));
        Worker w = new Worker();
        w.send(cancel(77)); // unknown: ignored, no response
        w.send(request(5, args(many, 0, "checked_hash"), ""));
        w.send(cancel(5));
        Map<?, ?> r = w.next();
        assertEquals(5L, r.get("requestId"));
        assertEquals(Boolean.TRUE, r.get("wasCancelled"), () -> "the request finished before its cancel: " + r);
        long written = countFiles(execroot.resolve("out/cancel"));
        assertTrue(written < many.size(), "cancelled after all " + written + " pycs");
        Thread.sleep(1500);
        assertEquals(written, countFiles(execroot.resolve("out/cancel")), "pycs written after the cancel response");
        // a cancel for a request already answered is ignored; the next response is the next request's
        w.send(cancel(5));
        Triple t = new Triple("src/" + CASES.get(1), CASES.get(1), "out/after.pyc");
        w.send(request(6, args(List.of(t), 0, "unchecked_hash"), ""));
        assertOk(w.next(), 6);
        w.finish();
        assertTrue(w.responses.isEmpty(), "extra responses: " + w.responses);
        // pycs written before the cancel are whole: py_compile's bytes
        byte[] want = reference(execroot.resolve("src/big.py"), "big.py", 0, "checked_hash");
        if (written > 0) {
            try (Stream<Path> s = Files.list(execroot.resolve("out/cancel"))) {
                for (Path p : s.toList()) assertArrayEquals(want, Files.readAllBytes(p), p.toString());
            }
        }
    }

    private static long countFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void oneShotCommandLineWithAParamFile() throws Exception {
        String c = CASES.get(3);
        Files.writeString(execroot.resolve("one.params"), String.join("\n", args(List.of(new Triple("src/" + c, "pkg/" + c,
                "bazel-out/one.pyc")), 2, "timestamp")) + "\n", StandardCharsets.UTF_8);
        Process p = start(List.of("precompiler", "@one.params"));
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertArrayEquals(reference(execroot.resolve("src/" + c), "pkg/" + c, 2, "timestamp"),
                Files.readAllBytes(execroot.resolve("bazel-out/one.pyc")));

        Files.writeString(execroot.resolve("src/bad.py"), "x = (1,\n", StandardCharsets.UTF_8);
        // PrecompilerCommand as a main class of its own (a java_binary's), without the subcommand name
        Process bad = start("org.jpyc.cli.PrecompilerCommand", List.of("--src", "src/bad.py", "--src_name", "bad.py", "--pyc", "bad.pyc",
                "--python_version", "3.13"));
        bad.getOutputStream().close();
        String badErr = new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, bad.waitFor());
        try {
            reference(execroot.resolve("src/bad.py"), "bad.py", -1, "timestamp");
            throw new AssertionError("CPython accepted bad.py");
        } catch (CPythonRejected e) {
            assertEquals(e.getMessage() + "\n", badErr);
        }
    }
}
