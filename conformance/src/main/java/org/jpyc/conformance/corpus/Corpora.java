package org.jpyc.conformance.corpus;

import java.nio.file.Files;
import java.nio.file.Path;

/** Turns a {@code --corpus} argument into a {@link Corpus}: {@code stdlib}, {@code realcode}, a directory, or an archive. */
public final class Corpora {
    private Corpora() {}

    /**
     * @param spec {@code stdlib}, {@code realcode} (the packages {@link RealCodeCorpus#LIST} pins), a directory of
     *             {@code .py} files, or an archive
     *             ({@code .zip .whl .tar .tar.gz .tgz .tar.bz2 .tar.xz .tar.zst .deb})
     * @param base where relative paths are resolved
     */
    public static Corpus of(String spec, Path base) {
        if (spec.equals("stdlib")) return new StdlibCorpus();
        if (spec.equals("realcode")) return RealCodeCorpus.of(base);
        Path p = base.resolve(spec).normalize();
        if (Files.isDirectory(p)) return new DirectoryCorpus(p);
        if (Files.isRegularFile(p) && ArchiveCorpus.isArchive(p)) return new ArchiveCorpus(p);
        if (Files.isRegularFile(p)) {
            throw new IllegalArgumentException("not a known archive type: " + p
                    + " (zip, whl, tar, tar.gz, tgz, tar.bz2, tar.xz, tar.zst, deb)");
        }
        throw new IllegalArgumentException("no such corpus: " + p + " (a directory, an archive, 'stdlib' or 'realcode')");
    }
}
