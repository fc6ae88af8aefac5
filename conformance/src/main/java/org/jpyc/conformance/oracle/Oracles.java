package org.jpyc.conformance.oracle;

import java.util.List;

/** Picks an {@link OracleProvider} by name. */
public final class Oracles {
    public static final List<String> PROVIDERS = List.of("embedded", "docker", "local");

    private Oracles() {}

    public static OracleProvider provider(String name, OracleOptions options) {
        return switch (name) {
            case "embedded" -> new EmbeddedProvider(options);
            case "docker" -> new DockerProvider(options);
            case "local" -> new LocalProvider(options);
            default -> throw new IllegalArgumentException("unknown oracle provider '" + name + "' (use one of " + PROVIDERS + ")");
        };
    }

    /** Whether a Docker engine is reachable (for tests that need one). */
    public static boolean dockerAvailable() {
        return DockerProvider.dockerAvailable();
    }

    /** Whether {@code v} has an embedded build ({@code org.bytedeco:cpython}), whose stdlib can be unpacked here. */
    public static boolean hasEmbeddedBuild(org.jpyc.version.PyVersion v) {
        return EmbeddedInterpreters.coordinates().containsKey(v);
    }

    /** The offline {@code jpyc/oracle:*} image that carries {@code v} (docker/offline/build.sh), or null. */
    public static String offlineImage(org.jpyc.version.PyVersion v) {
        return DockerProvider.localImage(v);
    }

    /** Whether the engine holds the offline {@code jpyc/oracle:*} image that carries {@code v} (docker/offline). */
    public static boolean offlineImagePresent(org.jpyc.version.PyVersion v) {
        String image = offlineImage(v);
        return image != null && dockerAvailable() && DockerProvider.present(image);
    }
}
