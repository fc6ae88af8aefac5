package org.jpyc.conformance.oracle;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpyc.version.PyVersion;

/**
 * How to find and drive oracles.
 *
 * @param cacheDir  root of jpyc's cache ({@code $JPYC_CACHE}, default {@code ~/.cache/jpyc}):
 *                  unpacked interpreters under {@code cpython/}, answers under {@code oracle/}
 * @param useCache  whether answers are read from / written to the cache
 * @param timeout   the longest one driver request may take (before the process is killed)
 * @param pythons   for {@code local}: interpreter executables
 * @param images    for {@code docker}: image per version, overriding the defaults
 */
public record OracleOptions(Path cacheDir, boolean useCache, Duration timeout, List<Path> pythons,
                            Map<PyVersion, String> images) {
    public OracleOptions {
        pythons = List.copyOf(pythons);
        images = Map.copyOf(images);
    }

    /** Defaults from the environment: {@code JPYC_CACHE}, {@code JPYC_DOCKER_IMAGES} (or the system properties of the same names). */
    public static OracleOptions defaults() {
        String cache = setting("jpyc.cache", "JPYC_CACHE");
        Path dir = cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache", "jpyc");
        String images = setting("jpyc.docker.images", "JPYC_DOCKER_IMAGES");
        return new OracleOptions(dir, true, Duration.ofSeconds(180), List.of(),
                images == null ? Map.of() : parseImages(images));
    }

    public OracleOptions withPythons(List<Path> p) {
        return new OracleOptions(cacheDir, useCache, timeout, p, images);
    }

    public OracleOptions withImages(Map<PyVersion, String> more) {
        Map<PyVersion, String> m = new LinkedHashMap<>(images);
        m.putAll(more);
        return new OracleOptions(cacheDir, useCache, timeout, pythons, m);
    }

    public OracleOptions withCache(boolean use) {
        return new OracleOptions(cacheDir, use, timeout, pythons, images);
    }

    public OracleOptions withTimeout(Duration t) {
        return new OracleOptions(cacheDir, useCache, t, pythons, images);
    }

    /** Parses {@code "3.9=jpyc/oracle:bullseye,3.15=jpyc/oracle:sid"}. */
    public static Map<PyVersion, String> parseImages(String text) {
        Map<PyVersion, String> out = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("expected X.Y=IMAGE, got '" + part + "'");
            out.put(PyVersion.parse(part.substring(0, eq)), part.substring(eq + 1).trim());
        }
        return out;
    }

    public static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) v = System.getenv(env);
        return v == null || v.isBlank() ? null : v;
    }
}
