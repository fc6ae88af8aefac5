package org.jpyc.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jpyc.conformance.check.Checks;
import org.jpyc.conformance.oracle.OracleOptions;
import org.jpyc.conformance.run.RunConfig;
import org.jpyc.version.PyVersion;

/** The suite's configuration from the system properties the pom passes (jpyc.oracle, jpyc.versions, ...). */
final class SuiteSettings {
    private SuiteSettings() {}

    static String property(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    static Path root() {
        return Path.of(property("jpyc.root", "..")).toAbsolutePath().normalize();
    }

    static Path reportDir(String name) {
        return Path.of(property("jpyc.reportDir", "target/conformance")).resolve(name);
    }

    static RunConfig config(String provider, List<PyVersion> versions, String checks) {
        List<String> corpora = new ArrayList<>();
        for (String c : property("jpyc.corpus", root().resolve("corpus/cases").toString()).split(",")) {
            if (!c.isBlank()) corpora.add(c.strip());
        }
        List<String> checkNames = checks == null || checks.isBlank() ? Checks.DEFAULT : List.of(checks.split(","));
        return RunConfig.of(provider, OracleOptions.defaults(), versions, checkNames.stream().map(String::strip).toList(),
                corpora, root());
    }
}
