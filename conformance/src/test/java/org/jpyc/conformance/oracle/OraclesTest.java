package org.jpyc.conformance.oracle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** What {@link Oracles} says about a version without starting anything. */
class OraclesTest {
    @Test
    void theEmbeddedBuildsAreTheBytedecoOnesAndNoOther() {
        for (PyVersion v : PyVersion.parseList("3.10,3.11,3.12,3.13,3.14")) {
            assertTrue(Oracles.hasEmbeddedBuild(v), v + " has an org.bytedeco:cpython build");
        }
        // 3.15 comes only from a container (Debian's sid); 3.9 is read-only and container-only too
        assertFalse(Oracles.hasEmbeddedBuild(PyVersion.V3_15));
        assertFalse(Oracles.hasEmbeddedBuild(PyVersion.parse("3.9")));
    }
}
