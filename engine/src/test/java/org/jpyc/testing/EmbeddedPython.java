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

    /** {@code .../cpython/X.Y.*}/bin/pythonX.Y for {@code minor} = "3.13", or empty. */
    public static Optional<Path> find(String minor) {
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
