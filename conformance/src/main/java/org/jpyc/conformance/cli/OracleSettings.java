package org.jpyc.conformance.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jpyc.conformance.oracle.OracleOptions;
import picocli.CommandLine.Option;

/** The oracle options shared by {@code conformance} and {@code oracle list} (a picocli mixin). */
final class OracleSettings {
    @Option(names = "--oracle", paramLabel = "P", description = "embedded (default), docker or local")
    String provider = "embedded";

    @Option(names = "--python", paramLabel = "PATH", description = "local oracle: an interpreter executable (repeatable)")
    List<Path> pythons = new ArrayList<>();

    @Option(names = "--image", paramLabel = "X.Y=NAME", description = "docker oracle: image for a version (repeatable)")
    List<String> images = new ArrayList<>();

    @Option(names = "--no-cache", description = "neither read nor write cached oracle answers")
    boolean noCache;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "longest one oracle request may take (default 180)")
    int timeoutSeconds = 180;

    OracleOptions options() {
        OracleOptions o = OracleOptions.defaults().withPythons(pythons).withCache(!noCache)
                .withTimeout(Duration.ofSeconds(timeoutSeconds));
        for (String i : images) o = o.withImages(OracleOptions.parseImages(i));
        return o;
    }
}
