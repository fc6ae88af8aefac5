package org.jpyc.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jpyc.object.PyCode;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link Compiler#compile} with seeded mutants of the corpus cases (and of a few built-in
 * sources when the corpus is not found): every mutant must either compile to a code object that
 * {@link Compiler#marshal} writes, or raise a {@link PyCompileError} (CPython's SyntaxError and
 * friends, RecursionError, MemoryError, ValueError), never another exception, a stack overflow or
 * a hang. Each compile runs on a worker thread and fails the test if it does not finish within
 * {@link #PER_INPUT_SECONDS}. Where CPython 3.13 is present, a sample of mutants is also compiled by
 * it and the outcomes (compiles, or the error's type, message and line) must agree.
 */
class CompilerFuzzTest {
    /** Generous: a mutant compiles in milliseconds; this only catches hangs and runaway growth. */
    static final int PER_INPUT_SECONDS = 20;
    static final long SEED = 0x6a707963L;
    static final int MUTANTS_PER_SOURCE = 4;
    /** Corpus files used, evenly spread over the sorted list (keeps the test to a few seconds). */
    static final int MAX_SOURCES = 120;

    static final String[] BUILTIN = {
        "import os\n\ndef f(a, *b, c=1, **d):\n    for x in b:\n        if x:\n            return [y for y in d if y]\n    return a\n",
        "class C(B):\n    def m(self):\n        return super().m(), __class__\n\nmatch x:\n    case [1, *r] | {'k': r}:\n        pass\n    case C(a=1):\n        pass\n",
        "async def g():\n    async with a as b:\n        try:\n            yield f'{b!r:>{w}}'\n        except* E:\n            pass\n        finally:\n            return\n",
        "def outer[T](x: T) -> T:\n    def inner():\n        nonlocal x\n        x = lambda: (yield)\n    type A[U] = list[U]\n    return x\n",
    };

    static ExecutorService pool;

    @BeforeAll
    static void start() {
        if (pool != null && !pool.isShutdown()) return;
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fuzz-compile");
            t.setDaemon(true); // a hung compile must not keep the test JVM alive
            return t;
        });
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** corpus/cases found from the working directory or one of its parents; empty if none. */
    static Optional<Path> corpusDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("corpus/cases");
            if (Files.isDirectory(c)) return Optional.of(c);
        }
        return Optional.empty();
    }

    /** The seed sources: a spread sample of the corpus cases plus the built-in ones, by name. */
    static Map<String, byte[]> seeds() throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < BUILTIN.length; i++) out.put("builtin" + i + ".py", BUILTIN[i].getBytes(StandardCharsets.UTF_8));
        Optional<Path> dir = corpusDir();
        if (dir.isPresent()) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(dir.get())) {
                files = s.filter(f -> f.toString().endsWith(".py")).sorted().toList();
            }
            int step = Math.max(1, files.size() / MAX_SOURCES);
            for (int i = 0; i < files.size(); i += step) {
                Path f = files.get(i);
                out.put(dir.get().relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    /** Every mutant, named {@code source#k}, in a fixed order. */
    static Map<String, byte[]> mutants() throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        long seed = SEED;
        for (Map.Entry<String, byte[]> e : seeds().entrySet()) {
            for (int k = 0; k < MUTANTS_PER_SOURCE; k++) {
                out.put(e.getKey() + "#" + k, new SourceMutator(seed++).mutate(e.getValue()));
            }
        }
        return out;
    }

    /** The outcome of compiling one source: "ok", or the PyCompileError as "Type: message @line". */
    static String outcome(byte[] src, String name) throws InterruptedException {
        Future<String> f = pool.submit(() -> {
            try {
                PyCode code = Compiler.compile(src, name, PyVersion.V3_13, 0);
                Compiler.marshal(code, PyVersion.V3_13);
                return "ok";
            } catch (PyCompileError e) {
                return e.pythonType() + ": " + e.pythonMessage() + " @" + e.lineno();
            }
        });
        try {
            return f.get(PER_INPUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return fail(name + ": no outcome within " + PER_INPUT_SECONDS + " s\n" + new String(src, StandardCharsets.UTF_8));
        } catch (ExecutionException e) {
            AssertionError err = new AssertionError(name + ": " + e.getCause() + "\n" + new String(src, StandardCharsets.UTF_8));
            err.initCause(e.getCause());
            throw err;
        }
    }

    @Test
    void mutantsCompileOrRaiseTypedErrors() throws Exception {
        Map<String, byte[]> mutants = mutants();
        int ok = 0;
        for (Map.Entry<String, byte[]> e : mutants.entrySet()) {
            if (outcome(e.getValue(), e.getKey()).equals("ok")) ok++;
        }
        // the mutations must leave some sources valid, or they only ever test the parser
        assertTrue(ok > mutants.size() / 10, ok + " of " + mutants.size() + " mutants compiled");
    }

    @Test
    void deepAndLargeInputsGiveTypedErrors() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("binop2", "x = " + String.join("+", java.util.Collections.nCopies(20000, "a")) + "\n");
        cases.put("attr", "x = a" + ".b".repeat(20000) + "\n");
        cases.put("unary", "x = " + "-".repeat(20000) + "1\n");
        cases.put("parens", "x = " + "(".repeat(300) + "1" + ")".repeat(300) + "\n");
        cases.put("lambdas", "x = " + "lambda: ".repeat(1000) + "1\n");
        cases.put("fstrings", "x = " + "f'{".repeat(200) + "x" + "}'".repeat(200) + "\n");
        cases.put("indent", buildIndent(120));
        cases.put("blocks", buildLoops(25));
        cases.put("bigint", "x = " + "9".repeat(5000) + "\n");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String o = outcome(c.getValue().getBytes(StandardCharsets.UTF_8), c.getKey() + ".py");
            assertTrue(!o.equals("ok"), c.getKey() + " compiled");
        }
    }

    private static String buildIndent(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(" ".repeat(i)).append("if x:\n");
        return b.append(" ".repeat(n)).append("pass\n").toString();
    }

    private static String buildLoops(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append("    ".repeat(i)).append("for i in x:\n");
        return b.append("    ".repeat(n)).append("pass\n").toString();
    }

    @Test
    void outcomesAgreeWithCPythonOnASample() throws Exception {
        Optional<Path> python = PyCompileOracle.python313();
        assumeTrue(python.isPresent(), "no CPython 3.13");
        Map<String, byte[]> sample = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, byte[]> e : mutants().entrySet()) {
            if (i++ % 3 == 0) sample.put(e.getKey(), e.getValue());
        }
        Map<String, String> theirs = CPythonOutcomes.of(python.get(), sample);
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : sample.entrySet()) {
            String ours = outcome(e.getValue(), "<fuzz>");
            String ref = theirs.get(e.getKey());
            if (!ours.equals(ref)) differ.add(e.getKey() + ": jpyc " + ours + " | CPython " + ref);
        }
        assertEquals(List.of(), differ, differ.size() + " of " + sample.size() + " differ");
    }
}
