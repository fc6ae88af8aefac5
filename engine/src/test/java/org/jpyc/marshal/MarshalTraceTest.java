package org.jpyc.marshal;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyDict;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

class MarshalTraceTest {
    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Test
    void pathsInsideNestedCode() {
        PyCode f = Graphs.code(CodeLayout.PY311, "f", PyInt.of(3));
        byte[] marker = {0x55, 0x66, 0x77, 0x11};
        f.linetable = new PyBytes(marker);
        PyCode module = Graphs.code(CodeLayout.PY311, "<module>", f);
        byte[] data = Marshal.dump(module, PyVersion.V3_12);
        int at = indexOf(data, marker);
        assertTrue(at > 0);
        assertEquals("<module>.co_consts[1] <code f>.co_linetable[2]", MarshalTrace.pathAt(data, 0, data.length, PyVersion.V3_12, at + 2));
        assertEquals("<module>.co_consts[1] <code f>.co_linetable.header", MarshalTrace.pathAt(data, 0, data.length, PyVersion.V3_12, at - 5));
        assertEquals("<module>.co_argcount", MarshalTrace.pathAt(data, 0, data.length, PyVersion.V3_12, 2));
        assertEquals("<module>.header", MarshalTrace.pathAt(data, 0, data.length, PyVersion.V3_12, 0));
        assertNull(MarshalTrace.pathAt(data, 0, data.length, PyVersion.V3_12, data.length));

        // every byte maps to some path, and the inner code's fields all appear
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < data.length; i++) {
            String p = MarshalTrace.pathAt(data, 0, data.length, PyVersion.V3_12, i);
            assertNotNull(p, "offset " + i);
            paths.add(p);
        }
        for (CodeField cf : CodeLayout.PY311.fields()) {
            assertTrue(paths.stream().anyMatch(p -> p.startsWith("<module>.co_consts[1] <code f>." + cf.pyName)), cf.pyName);
        }
    }

    @Test
    void pathsInContainers() {
        List<PyDict.Entry> entries = new ArrayList<>();
        entries.add(new PyDict.Entry(Graphs.str("key"), Graphs.bytes("value")));
        List<PyObject> items = new ArrayList<>(List.of(PyInt.of(1), new PyDict(entries)));
        byte[] data = Marshal.dump(new org.jpyc.object.PyTuple(items), PyVersion.V3_13);
        int v = indexOf(data, "value".getBytes());
        int k = indexOf(data, "key".getBytes());
        assertEquals("[1]{v 0}[1]", MarshalTrace.pathAt(data, 0, data.length, PyVersion.V3_13, v + 1));
        assertEquals("[1]{k 0}[0]", MarshalTrace.pathAt(data, 0, data.length, PyVersion.V3_13, k));
        assertEquals("[0]", MarshalTrace.pathAt(data, 0, data.length, PyVersion.V3_13, 3));
    }

    @Test
    void truncatedDataStillGivesAPath() {
        PyCode module = Graphs.code(CodeLayout.PY311, "<module>", PyInt.of(1));
        byte[] data = Marshal.dump(module, PyVersion.V3_12);
        String p = MarshalTrace.pathAt(data, 0, data.length - 3, PyVersion.V3_12, data.length - 4);
        assertNotNull(p);
        assertTrue(p.contains("co_exceptiontable") || p.contains("load failed"), p);
    }
}
