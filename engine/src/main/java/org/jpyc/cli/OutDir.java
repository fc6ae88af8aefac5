package org.jpyc.cli;

import java.nio.file.Path;

/**
 * Where the {@code --out-dir DIR} commands ({@code dis}, {@code ast}, {@code compile}) put the output for
 * one input: {@code DIR/<input path as given><suffix>}, the root of an absolute path dropped, so that
 * inputs with the same file name in different folders never overwrite each other.
 */
public final class OutDir {
    private OutDir() {}

    /** {@code outDir/<given + suffix>} (normalised, root dropped), or null if the path would leave {@code outDir}. */
    public static Path pathFor(Path outDir, String given, String suffix) {
        Path rel = Path.of(given + suffix).normalize();
        if (rel.getRoot() != null) rel = rel.getRoot().relativize(rel);
        if (rel.startsWith("..") || rel.toString().isEmpty()) return null;
        return outDir.resolve(rel.toString());
    }
}
