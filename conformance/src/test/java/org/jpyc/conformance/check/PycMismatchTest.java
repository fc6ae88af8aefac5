package org.jpyc.conformance.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jpyc.conformance.oracle.Oracle;
import org.jpyc.conformance.oracle.OracleOptions;
import org.jpyc.conformance.oracle.Oracles;
import org.jpyc.conformance.oracle.PycVariant;
import org.jpyc.conformance.oracle.SourceRequest;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** A mismatch explanation names the offset, its object path, both headers and the differing code object. */
class PycMismatchTest {
    @Test
    void explainsAChangedConstantInANestedFunction() {
        try (Oracle o = Oracles.provider("embedded", OracleOptions.defaults()).open(PyVersion.V3_12)) {
            byte[] src = "x = 1\ndef outer():\n    def inner():\n        return 1234567\n    return inner\n".getBytes(StandardCharsets.UTF_8);
            byte[] pyc = o.compile(List.of(new SourceRequest("m.py", src, 0, List.of(PycVariant.DEFAULT), false, false)))
                    .get(0).pycs().get(PycVariant.DEFAULT);
            byte[] changed = pyc.clone();
            int at = indexOf(pyc, new byte[] {(byte) 0x87, (byte) 0xd6, 0x12, 0}); // 1234567 as int32 LE
            assertTrue(at > 16);
            changed[at] = (byte) 0x88;
            String text = PycMismatch.explain(pyc, changed, PyVersion.V3_12, o);
            assertTrue(text.startsWith("first difference at offset " + at + " "), text);
            assertTrue(text.contains("object path: "), text);
            assertTrue(text.contains("CPython header: magic 3531"), text);
            assertTrue(text.contains("first differing code object: <module>.outer.inner (field co_consts)"), text);
            assertTrue(text.contains("(1234567)") && text.contains("(1234568)"), text);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
