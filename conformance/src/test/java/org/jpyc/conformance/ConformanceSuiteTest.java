package org.jpyc.conformance;

import java.io.IOException;
import java.util.stream.Stream;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite: case x version x check against real CPython. Configured by the system
 * properties the pom passes: {@code jpyc.oracle} (embedded), {@code jpyc.versions}
 * (3.10..3.14), {@code jpyc.corpus} (corpus/cases; {@code stdlib} with -Psweep), {@code jpyc.checks}.
 * The report goes to {@code ${jpyc.reportDir}/suite/}.
 */
class ConformanceSuiteTest {
    private static SuiteFactory factory;

    @TestFactory
    Stream<DynamicNode> conformance() {
        factory = new SuiteFactory(SuiteSettings.config(SuiteSettings.property("jpyc.oracle", "embedded"),
                PyVersion.parseList(SuiteSettings.property("jpyc.versions", "3.10,3.11,3.12,3.13,3.14")),
                SuiteSettings.property("jpyc.checks", "")));
        return factory.nodes();
    }

    @AfterAll
    static void report() throws IOException {
        if (factory != null) factory.finish(SuiteSettings.reportDir("suite"));
    }
}
