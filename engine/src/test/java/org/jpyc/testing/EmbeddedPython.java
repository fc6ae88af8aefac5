package org.jpyc.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded CPython interpreters the conformance module unpacks under {@code ~/.cache/jpyc/cpython/}
 * (or {@code $JPYC_CACHE/cpython}), for engine tests that compare with the real interpreter: they skip
 * when it is absent.
 */
public final class EmbeddedPython {
    private EmbeddedPython() {}

    /**
     * {@code .../cpython/X.Y.*}/bin/pythonX.Y for {@code minor} = "3.13", or empty. 3.15 has no embedded build:
     * it is the Docker wrapper of {@link #dockerPython315()} when neither the cache nor the wrapper is missing.
     */
    public static Optional<Path> find(String minor) {
        Optional<Path> embedded = findEmbedded(minor);
        if (embedded.isEmpty() && minor.equals("3.15")) return dockerPython315();
        return embedded;
    }

    /** The checkout's wrapper that runs the oracle image's python3.15, relative to the checkout's root. */
    private static final String PY315_WRAPPER = "docker/offline/bin/python3.15";
    private static final String PY315_IMAGE = "jpyc/oracle:sid";
    private static Optional<Path> docker315;

    /**
     * python3.15 (3.15.2) of the Docker image {@code jpyc/oracle:sid} through a wrapper script that mounts the
     * paths the harnesses use: the working directory, the checkout, the temporary directory and jpyc's cache
     * ({@code $JPYC_PY315}, else this checkout's {@value #PY315_WRAPPER}, found from the working directory up);
     * empty when the wrapper, Docker or the image is absent (probed once).
     */
    public static synchronized Optional<Path> dockerPython315() {
        if (docker315 != null) return docker315;
        docker315 = Optional.empty();
        String env = System.getenv("JPYC_PY315");
        Path wrapper = env != null && !env.isEmpty() ? Path.of(env) : Checkout.findUp(PY315_WRAPPER);
        if (wrapper == null || !Files.isExecutable(wrapper)) return docker315;
        try {
            Process p = new ProcessBuilder("docker", "image", "inspect", PY315_IMAGE).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() == 0) docker315 = Optional.of(wrapper);
        } catch (IOException e) {
            // no docker client: stays empty
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return docker315;
    }


    private static Optional<Path> findEmbedded(String minor) {
        String cache = System.getenv("JPYC_CACHE");
        Path root = (cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache", "jpyc")).resolve("cpython");
        if (!Files.isDirectory(root)) return Optional.empty();
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(minor + "."))
                    .map(d -> d.resolve("bin/python" + minor)).filter(Files::isExecutable).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The 3.13 interpreter, the compiler's reference, or empty. */
    public static Optional<Path> python313() {
        return find("3.13");
    }
}
