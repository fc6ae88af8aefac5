package org.jpyc.conformance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

class CaseHeaderTest {
    private static CaseHeader parse(String s) {
        return CaseHeader.parse(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void versionSpecs() {
        assertTrue(VersionRange.parse("all").contains(PyVersion.V3_9));
        assertTrue(VersionRange.parse(">=3.12").contains(PyVersion.V3_15));
        assertFalse(VersionRange.parse(">=3.12").contains(PyVersion.V3_11));
        assertTrue(VersionRange.parse("3.10-3.11").contains(PyVersion.V3_11));
        assertFalse(VersionRange.parse("3.10-3.11").contains(PyVersion.V3_12));
        assertTrue(VersionRange.parse("3.14").contains(PyVersion.V3_14));
        assertFalse(VersionRange.parse("3.14").contains(PyVersion.V3_13));
        assertTrue(VersionRange.parse(">=3.10 <3.12").contains(PyVersion.V3_11));
        assertFalse(VersionRange.parse(">=3.10 <3.12").contains(PyVersion.V3_12));
        assertTrue(VersionRange.parse("3.10, >=3.13").contains(PyVersion.V3_14));
        assertFalse(VersionRange.parse("3.10, >=3.13").contains(PyVersion.V3_12));
        assertTrue(VersionRange.parse("<=3.13").contains(PyVersion.V3_13));
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(">=three"));
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(""));
    }

    @Test
    void directivesInLeadingComments() {
        CaseHeader h = parse("\u00ef\u00bb\u00bf# -*- coding: utf-8 -*-\r\n# jpyc: versions >=3.11\r\n\r\n"
                + "# jpyc: expect SyntaxError\n# jpyc: feature except star\n# jpyc: optimize 0,2\n# jpyc: future-key x\nx = 1\n"
                + "# jpyc: versions 3.9\n");
        assertTrue(h.versions().contains(PyVersion.V3_11));
        assertFalse(h.versions().contains(PyVersion.V3_10)); // the directive after code is not read
        assertEquals("SyntaxError", h.expect());
        assertEquals("except star", h.feature());
        assertEquals(List.of(0, 2), h.optimize());
        assertNull(h.problem()); // unknown keys are ignored
    }

    @Test
    void noHeaderMeansAllVersionsAndNoExpectation() {
        CaseHeader h = parse("def f():\n    pass\n");
        assertTrue(h.versions().contains(PyVersion.V3_10));
        assertNull(h.expect());
        assertNull(h.problem());
    }

    @Test
    void malformedDirectivesAreKeptAsProblems() {
        CaseHeader h = parse("# jpyc: versions >=x\n# jpyc: expect Syntax Error\n# jpyc: optimize 3\npass\n");
        assertNotNull(h.problem());
        assertTrue(h.problem().contains("versions"), h.problem());
        assertTrue(h.problem().contains("expect"), h.problem());
        assertTrue(h.problem().contains("optimize"), h.problem());
    }
}
