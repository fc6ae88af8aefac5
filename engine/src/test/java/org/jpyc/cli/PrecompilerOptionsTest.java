package org.jpyc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jpyc.pyc.InvalidationMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules_python's precompiler command line as argparse reads it, and the worker's JSON. */
class PrecompilerOptionsTest {
    @TempDir
    Path tmp;

    private static PrecompilerOptions parse(Path base, String... args) throws PrecompilerOptions.UsageError {
        return PrecompilerOptions.parse(List.of(args), base);
    }

    @Test
    void triplesPairInOrderWithRulesPythonsDefaults() throws Exception {
        PrecompilerOptions o = parse(tmp, "--src", "a.py", "--src_name", "pkg/a.py", "--pyc", "a.pyc",
                "--src=b.py", "--src_name=pkg/b.py", "--pyc=b.pyc", "--python_version", "3.13");
        assertEquals(List.of("a.py", "b.py"), o.srcs());
        assertEquals(List.of("pkg/a.py", "pkg/b.py"), o.srcNames());
        assertEquals(List.of("a.pyc", "b.pyc"), o.pycs());
        assertEquals(-1, o.optimize());
        assertEquals(0, o.effectiveOptimize()); // a plain interpreter's level
        assertEquals(InvalidationMode.TIMESTAMP, o.mode());
        assertFalse(o.persistentWorker());
        o.checkForCompile();
    }

    @Test
    void invalidationModeIsAnEnumNameInAnyCase() throws Exception {
        assertEquals(InvalidationMode.CHECKED_HASH, parse(tmp, "--invalidation_mode", "checked_hash").mode());
        assertEquals(InvalidationMode.UNCHECKED_HASH, parse(tmp, "--invalidation_mode", "Unchecked_Hash").mode());
        PrecompilerOptions dash = parse(tmp, "--invalidation_mode", "checked-hash");
        assertEquals("Unknown PycInvalidationMode: checked-hash",
                assertThrows(PrecompilerOptions.UsageError.class, dash::mode).getMessage());
    }

    @Test
    void argparseAbbreviationsNegativeNumbersAndStartupFlags() throws Exception {
        PrecompilerOptions o = parse(tmp, "--opt", "-1", "--python_v", "3.13", "--persistent_worker", "--log_level", "DEBUG",
                "--worker_impl", "serial");
        assertEquals(-1, o.optimize());
        assertEquals("3.13", o.pythonVersion());
        assertTrue(o.persistentWorker());
        // --src is a flag of its own, not an ambiguous prefix of --src_name
        assertEquals(List.of("x"), parse(tmp, "--src", "x").srcs());
        assertThrows(PrecompilerOptions.UsageError.class, () -> parse(tmp, "--s", "x")); // --src, --src_name
    }

    @Test
    void refusedCommandLines() {
        assertEquals("unrecognized arguments: --bogus x",
                assertThrows(PrecompilerOptions.UsageError.class, () -> parse(tmp, "--bogus", "x")).getMessage());
        assertEquals("argument --pyc: expected one argument",
                assertThrows(PrecompilerOptions.UsageError.class, () -> parse(tmp, "--pyc", "--src", "a")).getMessage());
        assertEquals("argument --optimize: invalid int value: 'two'",
                assertThrows(PrecompilerOptions.UsageError.class, () -> parse(tmp, "--optimize", "two")).getMessage());
        assertThrows(PrecompilerOptions.UsageError.class, () -> parse(tmp, "--src", "a", "--pyc", "a.pyc", "--src_name", "a",
                "--src", "b", "--python_version", "3.13").checkForCompile());
        assertThrows(PrecompilerOptions.UsageError.class, () -> parse(tmp, "--python_version", "3.13").checkForCompile());
        assertThrows(PrecompilerOptions.UsageError.class, () -> parse(tmp, "--src", "a", "--src_name", "a", "--pyc", "a.pyc",
                "--python_version", "3.13", "--optimize", "3").checkForCompile());
        assertThrows(PrecompilerOptions.UsageError.class, () -> parse(tmp, "--src", "a", "--src_name", "a", "--pyc", "a.pyc")
                .checkForCompile()); // no --python_version: jpyc never assumes the target
        assertThrows(PrecompilerOptions.UsageError.class, () -> parse(tmp, "@missing.params"));
    }

    @Test
    void argsFilesAreBazelsMultilineFormatReadRelativeToTheBase() throws Exception {
        Files.createDirectories(tmp.resolve("sandbox/bazel-out"));
        // one argument per line, kept as is: spaces, a '#', a CRLF line end; no final empty argument
        Files.writeString(tmp.resolve("sandbox/bazel-out/a.params"),
                "--src\nsrc dir/a b.py\r\n--src_name\n#not a comment.py\n--pyc\nout/a.pyc\n@inner.params\n",
                StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("sandbox/inner.params"), "--python_version\n3.13", StandardCharsets.UTF_8);
        PrecompilerOptions o = PrecompilerOptions.parse(List.of("--optimize", "2", "@bazel-out/a.params"), tmp.resolve("sandbox"));
        assertEquals(List.of("src dir/a b.py"), o.srcs());
        assertEquals(List.of("#not a comment.py"), o.srcNames());
        assertEquals(List.of("out/a.pyc"), o.pycs());
        assertEquals("3.13", o.pythonVersion());
        assertEquals(2, o.optimize());
    }

    @Test
    void splitLinesIsPythons() {
        assertEquals(List.of("a", "", "b", "c", "d"), PrecompilerOptions.splitLines("a\n\nb\r\nc\rd\n"));
        assertEquals(List.of("a", "b"), PrecompilerOptions.splitLines("a\u2028b"));
        assertEquals(List.of(), PrecompilerOptions.splitLines(""));
    }

    @Test
    void jsonReadsWhatBazelWritesAndQuotesWhatTheWorkerWrites() throws Exception {
        Object v = Json.parse("{\"arguments\":[\"--src\",\"a\\u00e9\\\"\\n\"],\"inputs\":[{\"path\":\"a\",\"digest\":\"AAE=\"}],"
                + "\"requestId\":12,\"cancel\":false,\"verbosity\":0,\"sandboxDir\":\"\",\"x\":[1.5e3,null,-0]}");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("--src", "a\u00e9\"\n"), m.get("arguments"));
        assertEquals(12L, m.get("requestId"));
        assertEquals(Boolean.FALSE, m.get("cancel"));
        PrecompilerWorker.Request r = PrecompilerWorker.Request.of(v);
        assertEquals(12, r.requestId());
        assertEquals("", r.sandboxDir());
        assertThrows(Json.SyntaxError.class, () -> Json.parse("{\"a\":[1,"));
        assertThrows(Json.SyntaxError.class, () -> Json.parse("{\"a\" 1}"));
        assertThrows(Json.SyntaxError.class, () -> Json.parse("{\"a\":1} {}"));
        assertThrows(IllegalArgumentException.class, () -> PrecompilerWorker.Request.of(Json.parse("{\"arguments\":[1]}")));
        String s = "tab\t \"q\" \\ \u0001 \u00e9 \ud83d\ude00 \ud800";
        assertEquals("\"tab\\t \\\"q\\\" \\\\ \\u0001 \u00e9 \ud83d\ude00 \\ud800\"", Json.quote(s));
        assertEquals(s, Json.parse(Json.quote(s)));
    }
}
