package org.jpyc.conformance;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.jpyc.conformance.oracle.OracleOptions;
import org.jpyc.conformance.oracle.Oracles;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A small container suite: {@code roundtrip}, {@code dis}, {@code expect}, {@code ast}, {@code error}, and for the compiler
 * {@code compile} and {@code symtable} (3.15 against its ratchet) over the corpus on the versions no
 * embedded build covers (3.9 and 3.15), from the docker provider (official {@code python:X.Y-slim}
 * or the offline {@code jpyc/oracle:*} images). Skipped, with the reason, when no Docker engine
 * answers or no image for those versions is present. Versions: {@code jpyc.docker.versions}.
 */
class DockerSuiteTest {
    private static SuiteFactory factory;

    @TestFactory
    Stream<DynamicNode> dockerConformance() {
        if (!Oracles.dockerAvailable()) return skipped("no Docker engine is reachable; the container suite needs one");
        List<PyVersion> wanted = PyVersion.parseList(SuiteSettings.property("jpyc.docker.versions", "3.9,3.15"));
        List<PyVersion> have = Oracles.provider("docker", OracleOptions.defaults()).versions();
        List<PyVersion> versions = wanted.stream().filter(have::contains).toList();
        if (versions.isEmpty()) {
            return skipped("no Docker image for " + wanted + " is present locally"
                    + " (build them with docker/offline/build.sh, or set JPYC_DOCKER_IMAGES)");
        }
        factory = new SuiteFactory(SuiteSettings.config("docker", versions,
                SuiteSettings.property("jpyc.docker.checks", "roundtrip,dis,expect,ast,error,compile,symtable")));
        return factory.nodes();
    }

    /** One visible skipped test carrying the reason (an aborted factory would leave no trace in the reports). */
    private static Stream<DynamicNode> skipped(String reason) {
        return Stream.of(DynamicTest.dynamicTest("docker suite", () -> Assumptions.abort(reason)));
    }

    @AfterAll
    static void report() throws IOException {
        if (factory != null) factory.finish(SuiteSettings.reportDir("docker"));
    }
}
