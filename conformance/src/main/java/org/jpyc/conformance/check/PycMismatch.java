package org.jpyc.conformance.check;

import com.fasterxml.jackson.databind.JsonNode;
import org.jpyc.conformance.oracle.Oracle;
import org.jpyc.conformance.oracle.OracleException;
import org.jpyc.version.PyVersion;

/**
 * Explains why two pyc files differ: the first differing offset and its object path, both headers,
 * the bytes around it, and the first differing code object disassembled side by side (by CPython,
 * which loads both files; if it cannot load jpyc's, that is said instead).
 */
public final class PycMismatch {
    private PycMismatch() {}

    /** The first offset where the two differ, or -1 if they are equal. */
    public static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) if (a[i] != b[i]) return i;
        return a.length == b.length ? -1 : n;
    }

    public static String explain(byte[] expected, byte[] actual, PyVersion version, Oracle oracle) {
        int at = firstDifference(expected, actual);
        StringBuilder sb = new StringBuilder();
        sb.append("first difference at offset ").append(at).append(" (0x").append(Integer.toHexString(at)).append(") of ")
                .append(expected.length).append(" (CPython) / ").append(actual.length).append(" (jpyc) bytes\n");
        sb.append("object path: ").append(MarshalPaths.pathAt(expected, version, at)).append('\n');
        sb.append("CPython header: ").append(PycHeaderText.describe(expected)).append('\n');
        sb.append("jpyc header:    ").append(PycHeaderText.describe(actual)).append('\n');
        int from = Math.max(0, (at - 32) & ~15);
        sb.append("CPython bytes:\n").append(Hex.window(expected, from, 64, at));
        sb.append("jpyc bytes:\n").append(Hex.window(actual, from, 64, at));
        if (oracle != null) {
            try {
                JsonNode e = oracle.explainPyc(expected, actual);
                if (e.has("actual_error")) {
                    sb.append("CPython cannot load jpyc's file: ").append(e.get("actual_error").path("type").asText()).append(": ")
                            .append(e.get("actual_error").path("message").asText()).append('\n');
                } else if (e.path("equal_objects").asBoolean()) {
                    sb.append("CPython loads both to equal code objects: the difference is in marshal's encoding"
                            + " (reference flags, back-references, or string/int forms)\n");
                } else if (e.has("path")) {
                    sb.append("first differing code object: ").append(e.path("path").asText()).append(" (field ")
                            .append(e.path("field").asText()).append(")\n");
                    sb.append(org.jpyc.codediff.SideBySide.format("CPython", e.path("expected_dis").asText(), "jpyc",
                            e.path("actual_dis").asText(), 70, 200));
                }
            } catch (OracleException ex) {
                sb.append("(could not ask CPython to compare the files: ").append(ex.getMessage()).append(")\n");
            }
        }
        return sb.toString();
    }
}
