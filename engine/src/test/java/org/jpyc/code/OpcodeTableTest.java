package org.jpyc.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

class OpcodeTableTest {
    private static List<PyVersion> generated() {
        List<PyVersion> vs = new java.util.ArrayList<>(List.of(PyVersion.V3_9));
        vs.addAll(PyVersion.TARGETS);
        return vs.stream().filter(OpcodeTable::available).toList();
    }

    @Test
    void everyOracleVersionHasATable() {
        for (PyVersion v : List.of(PyVersion.V3_9, PyVersion.V3_10, PyVersion.V3_11, PyVersion.V3_12,
                PyVersion.V3_13, PyVersion.V3_14, PyVersion.V3_15)) {
            assertTrue(OpcodeTable.available(v), "table for " + v);
        }
        assertThrows(IllegalArgumentException.class, () -> OpcodeTable.forVersion(PyVersion.of(3, 42)));
    }

    @Test
    void tablesAreSelfConsistent() {
        for (PyVersion v : generated()) {
            OpcodeTable t = OpcodeTable.forVersion(v);
            assertTrue(t.interpreterVersion().startsWith(v + "."), t.interpreterVersion());
            assertEquals("EXTENDED_ARG", t.name(t.extendedArg()));
            assertEquals(t.extendedArg(), t.opcode("EXTENDED_ARG"));
            assertTrue(t.hasArg(t.extendedArg()));
            assertEquals(6, t.list("cmp_op").size());
            assertFalse(t.list("function_flags").isEmpty());
            int jumps = 0;
            for (int op = 0; op < 256; op++) {
                assertNotNull(t.name(op));
                int base = t.deopt(op);
                assertEquals(base, t.deopt(base), "deopt of a base opcode is itself");
                assertEquals(t.cacheEntries(base), t.cacheEntries(op));
                if (t.is(op, OpcodeTable.Kind.JREL) || t.is(op, OpcodeTable.Kind.JABS)) jumps++;
                if (t.is(op, OpcodeTable.Kind.BACKWARD)) assertTrue(t.name(op).contains("BACKWARD") || t.name(op).equals("END_ASYNC_FOR"));
            }
            assertTrue(jumps > 3, "jump opcodes in " + v);
            assertEquals(v.has(Feature.INLINE_CACHES), t.cacheEntries(t.opcode("LOAD_GLOBAL")) > 0);
            assertTrue(t.is(t.opcode("LOAD_CONST"), OpcodeTable.Kind.CONST));
        }
    }
}
