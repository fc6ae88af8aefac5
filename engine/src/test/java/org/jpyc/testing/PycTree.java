package org.jpyc.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The pycs of a directory tree, for the replay tools' command lines (AssembleReplay, IdentityReplay, ...). */
public final class PycTree {
    private PycTree() {}

    /** Every {@code *.pyc} under {@code dir}, sorted by path. */
    public static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".pyc")).sorted().toList();
        }
    }
}
