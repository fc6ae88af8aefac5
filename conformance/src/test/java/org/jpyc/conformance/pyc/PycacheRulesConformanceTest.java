package org.jpyc.conformance.pyc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jpyc.conformance.oracle.Oracle;
import org.jpyc.conformance.oracle.OracleOptions;
import org.jpyc.conformance.oracle.Oracles;
import org.jpyc.pyc.PycachePathException;
import org.jpyc.pyc.PycacheRules;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code importlib.util.cache_from_source}, {@code source_from_cache} and {@code source_hash} of each
 * oracle interpreter, asked in this run, against {@link PycacheRules} of the same version: values, or
 * the exception type and message; with {@code sys.pycache_prefix} and the working directory set for the
 * call too (relative sources under a prefix are made absolute with {@code os.getcwd()}).
 */
class PycacheRulesConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> PATHS = List.of("a.py", "a/b.py", "/a/b.py", "/x.py", "./x.py", "../a/b.py", "a//b.py",
            "a/b/", "a/.py", "a/b", "a/b.c.py", "a/b.pyw", "/", "", "a/b.py.py", ".hidden/x.py", "a/\u00fc.py",
            "/a/./b.py", "a/b..py", "//a/b.py", "x.", ".");
    static final List<String> OPTIMIZATIONS = List.of("", "0", "1", "2", "a", "opt", "-1", "x y", "\u00b2", "\u0663", "1.5");
    static final List<String> CACHED = List.of("__pycache__/a.cpython-312.pyc", "a/__pycache__/b.cpython-312.opt-1.pyc",
            "a/__pycache__/b.pyc", "a/b.cpython-312.pyc", "__pycache__/a.cpython-312.opt.pyc",
            "__pycache__/a.cpython-312.opt-.pyc", "__pycache__/a.cpython-312.opt-a-b.pyc", "__pycache__/a.b.c.d.e",
            "/x/__pycache__/y.anything.pyc", "__pycache__/.cpython-312.pyc", "x/__pycache__/a.b", "/__pycache__/a.b.c",
            "__pycache__//a.b.c", "it's/__pycache__/a.b.c", "x/__pycache__/a.cpython-312.opt-\u0663.pyc");

    static final List<String> PREFIXES = List.of("/cache", "/cache/", "cache", "/", "", "/a//b", "./c", "/x/__pycache__");
    static final List<String> PREFIX_PATHS = List.of("a.py", "a/b.py", "/a/b.py", "/x.py", "./x.py", "../a/b.py",
            "a//b.py", "/", "", "x.", "/a/./b.py");
    static final List<String> PREFIX_CACHED = List.of("/cache/a/b.cpython-312.pyc", "/cache/tmp/a.cpython-312.opt-2.pyc",
            "/cache/a/__pycache__/b.cpython-312.pyc", "/cache/b.pyc", "cache/tmp/a.cpython-312.pyc", "/cachex/a.cpython-312.pyc",
            "/a/__pycache__/b.cpython-312.pyc", "/a//b/c.cpython-312.pyc", "/x/__pycache__/y/z.cpython-312.pyc");
    static final List<String> CWDS = List.of("/tmp", "/");

    /** One question: the call for the oracle and jpyc's answer ("value" or "Type: message"). */
    record Question(String label, ObjectNode call, Supplier<String> jpyc) {}

    @TestFactory
    Stream<DynamicContainer> pycacheRulesAgreeWithImportlib() {
        String provider = System.getProperty("jpyc.oracle", "embedded");
        List<PyVersion> versions = PyVersion.parseList(System.getProperty("jpyc.versions", "3.10,3.11,3.12,3.13,3.14"));
        return versions.stream().map(v -> DynamicContainer.dynamicContainer(v.toString(), answers(provider, v)));
    }

    private static Stream<DynamicTest> answers(String provider, PyVersion v) {
        PycacheRules rules = PycacheRules.forVersion(v);
        List<Question> qs = questions(rules);
        JsonNode answers;
        try (Oracle o = Oracles.provider(provider, OracleOptions.defaults()).open(v)) {
            ObjectNode args = JSON.createObjectNode();
            ArrayNode calls = args.putArray("calls");
            for (Question q : qs) calls.add(q.call());
            answers = o.call("importlib", args).get("answers");
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            Question q = qs.get(i);
            JsonNode a = answers.get(i);
            String expected = a.has("error")
                    ? a.get("error").path("type").asText() + ": " + a.get("error").path("message").asText()
                    : a.get("value").asText();
            tests.add(DynamicTest.dynamicTest(q.label(), () -> assertEquals(expected, q.jpyc().get(), q.label())));
        }
        return tests.stream();
    }

    static List<Question> questions(PycacheRules rules) {
        List<Question> out = new ArrayList<>();
        for (String p : PATHS) {
            for (String opt : OPTIMIZATIONS) {
                ObjectNode call = JSON.createObjectNode().put("fn", "cache_from_source");
                call.putArray("args").add(p);
                call.putObject("kwargs").put("optimization", opt);
                out.add(new Question("cache_from_source(" + p + ", optimization=" + opt + ")", call,
                        () -> guarded(() -> rules.cacheFromSource(p, opt, null, null))));
            }
        }
        for (String c : CACHED) {
            ObjectNode call = JSON.createObjectNode().put("fn", "source_from_cache");
            call.putArray("args").add(c);
            out.add(new Question("source_from_cache(" + c + ")", call, () -> guarded(() -> rules.sourceFromCache(c))));
        }
        for (String prefix : PREFIXES) {
            for (String cwd : CWDS) {
                for (String p : PREFIX_PATHS) {
                    for (String opt : List.of("", "2")) {
                        ObjectNode call = JSON.createObjectNode().put("fn", "cache_from_source").put("pycache_prefix", prefix).put("cwd", cwd);
                        call.putArray("args").add(p);
                        call.putObject("kwargs").put("optimization", opt);
                        out.add(new Question("cache_from_source(" + p + ", optimization=" + opt + ") prefix=" + prefix + " cwd=" + cwd,
                                call, () -> guarded(() -> rules.cacheFromSource(p, opt, prefix, cwd))));
                    }
                }
            }
            for (String c : PREFIX_CACHED) {
                ObjectNode call = JSON.createObjectNode().put("fn", "source_from_cache").put("pycache_prefix", prefix);
                call.putArray("args").add(c);
                out.add(new Question("source_from_cache(" + c + ") prefix=" + prefix, call,
                        () -> guarded(() -> rules.sourceFromCache(c, prefix))));
            }
        }
        Random r = new Random(552);
        for (int n : new int[] {0, 1, 7, 8, 9, 15, 16, 17, 64, 1000, 4096}) {
            byte[] data = new byte[n];
            r.nextBytes(data);
            ObjectNode call = JSON.createObjectNode().put("fn", "source_hash");
            call.putArray("args").add(Base64.getEncoder().encodeToString(data));
            out.add(new Question("source_hash(" + n + " bytes)", call, () -> HexFormat.of().formatHex(rules.sourceHash(data))));
        }
        return out;
    }

    private static String guarded(Supplier<String> s) {
        try {
            return s.get();
        } catch (PycachePathException e) {
            return e.pythonText();
        }
    }
}
