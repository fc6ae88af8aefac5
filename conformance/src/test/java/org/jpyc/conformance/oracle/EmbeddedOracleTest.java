package org.jpyc.conformance.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The driver protocol against one embedded interpreter: structure of the answers, not jpyc. */
class EmbeddedOracleTest {
    private static Oracle oracle;

    @BeforeAll
    static void start() {
        oracle = Oracles.provider("embedded", OracleOptions.defaults()).open(PyVersion.V3_12);
    }

    @AfterAll
    static void stop() {
        if (oracle != null) oracle.close();
    }

    @Test
    void helloFacts() {
        OracleInfo i = oracle.info();
        assertEquals(PyVersion.V3_12, i.version());
        assertTrue(i.fullVersion().startsWith("3.12."), i.fullVersion());
        assertEquals("cpython-312", i.cacheTag());
        assertTrue(i.listLine().startsWith("3.12  3.12."), i.listLine());
    }

    @Test
    void compileGivesEveryVariantWithDeterministicHeaders() {
        byte[] src = "def f(x):\n    \"doc\"\n    assert x\n    return {x, 'a'}\n".getBytes(StandardCharsets.UTF_8);
        SourceAnswer a = oracle.compile(List.of(new SourceRequest("pkg/m.py", src, 1_700_000_000L, PycVariant.all(), true, true))).get(0);
        assertNull(a.compileError());
        assertEquals(9, a.pycs().size());
        byte[] magic = HexFormat.of().parseHex(oracle.info().magic());
        for (var e : a.pycs().entrySet()) {
            byte[] pyc = e.getValue();
            assertArrayEquals(magic, java.util.Arrays.copyOf(pyc, 4), e.getKey().key());
            int flags = pyc[4];
            assertEquals(switch (e.getKey().invalidation()) { case TIMESTAMP -> 0; case UNCHECKED_HASH -> 1; case CHECKED_HASH -> 3; }, flags);
        }
        byte[] ts = a.pycs().get(PycVariant.DEFAULT);
        long mtime = (ts[8] & 0xffL) | (ts[9] & 0xffL) << 8 | (ts[10] & 0xffL) << 16 | (ts[11] & 0xffL) << 24;
        assertEquals(1_700_000_000L, mtime);
        assertEquals(src.length, ts[12]);
        assertTrue(a.dis().contains("RETURN_CONST") || a.dis().contains("RETURN_VALUE"), a.dis());
        assertTrue(a.ast().startsWith("Module(body=[FunctionDef("), a.ast());
        // the same request again is answered identically (from the cache, when enabled)
        SourceAnswer again = oracle.compile(List.of(new SourceRequest("pkg/m.py", src, 1_700_000_000L, PycVariant.all(), true, true))).get(0);
        assertArrayEquals(ts, again.pycs().get(PycVariant.DEFAULT));
    }

    @Test
    void syntaxErrorsComeWithPositions() {
        SourceAnswer a = oracle.compile(List.of(new SourceRequest("bad.py", "x = (1,\n".getBytes(StandardCharsets.UTF_8), 0,
                List.of(PycVariant.DEFAULT), true, true))).get(0);
        assertNotNull(a.compileError());
        assertEquals("SyntaxError", a.compileError().type());
        assertEquals(1, a.compileError().lineno());
        assertTrue(a.pycs().isEmpty());
        assertNotNull(a.astError());
        assertNull(a.dis());
    }

    @Test
    void stdlibAndImportlibOps() {
        List<String> files = oracle.stdlibFiles();
        assertTrue(files.contains("opcode.py") && files.contains("json/decoder.py"), files.subList(0, 5).toString());
        assertTrue(new String(oracle.readStdlib(List.of("opcode.py")).get("opcode.py"), StandardCharsets.UTF_8).contains("opmap"));
        ObjectNode args = DriverOracle.JSON.createObjectNode();
        args.putArray("calls").addObject().put("fn", "cache_from_source").putArray("args").add("/a/b.py");
        JsonNode r = oracle.call("importlib", args);
        assertEquals("/a/__pycache__/b.cpython-312.pyc", r.path("answers").path(0).path("value").asText());
    }

    @Test
    void explainFindsTheDifferingCodeObject() {
        byte[] a = oracle.compile(List.of(new SourceRequest("m.py", "def f():\n    return 1\n".getBytes(StandardCharsets.UTF_8), 0,
                List.of(PycVariant.DEFAULT), false, false))).get(0).pycs().get(PycVariant.DEFAULT);
        byte[] b = oracle.compile(List.of(new SourceRequest("m.py", "def f():\n    return 2\n".getBytes(StandardCharsets.UTF_8), 0,
                List.of(PycVariant.DEFAULT), false, false))).get(0).pycs().get(PycVariant.DEFAULT);
        JsonNode e = oracle.explainPyc(a, b);
        assertTrue(e.path("path").asText().endsWith("f"), e.toString());
        assertTrue(e.path("expected_dis").asText().contains("(1)"), e.toString());
    }
}
