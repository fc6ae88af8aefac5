package org.jpyc.conformance.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerCacheTest {
    @TempDir
    Path dir;

    @Test
    void keyedByInterpreterBuildAndInput() {
        ObjectNode in = DriverOracle.JSON.createObjectNode().put("dfile", "a.py").put("source", "eA==");
        ObjectNode answer = DriverOracle.JSON.createObjectNode().put("pycs", "x");
        String key = AnswerCache.key("compile", in);
        AnswerCache a = new AnswerCache(dir, "embedded", "3.12.1 (main, Jan 26 2024)", DriverOracle.JSON);
        assertNull(a.get(key));
        a.put(key, answer);
        assertEquals(answer, a.get(key));
        // another build of the same minor version, or another provider, never sees the entry
        assertNull(new AnswerCache(dir, "embedded", "3.12.2 (main, Feb 1 2024)", DriverOracle.JSON).get(key));
        assertNull(new AnswerCache(dir, "docker", "3.12.1 (main, Jan 26 2024)", DriverOracle.JSON).get(key));
        // another input, another key
        assertNotEquals(key, AnswerCache.key("compile", in.deepCopy().put("mtime", 1)));
    }
}
