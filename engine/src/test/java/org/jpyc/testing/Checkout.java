package org.jpyc.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of this checkout, for tests that run from a module's directory (Maven's) or from the root. */
public final class Checkout {
    private Checkout() {}

    /** {@code rel} (a file or directory) in the nearest directory at or above the working directory that has it, or null. */
    public static Path findUp(String rel) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve(rel);
            if (Files.exists(c)) return c;
        }
        return null;
    }
}
