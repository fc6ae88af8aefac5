package org.jpyc.conformance.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.jpyc.conformance.oracle.Oracle;

/**
 * The {@code .py} files inside an archive of Python sources: {@code .zip}, {@code .whl},
 * {@code .tar}, {@code .tar.gz}/{@code .tgz}, {@code .tar.bz2}, {@code .tar.xz}, {@code .tar.zst}, or
 * a Debian {@code .deb} (an ar archive whose {@code data.tar.*} member holds the files). Entries
 * larger than {@link #MAX_ENTRY} are left out rather than read into memory.
 */
final class ArchiveCorpus implements Corpus {
    /** The largest .py entry read; a length field in a hostile archive cannot make us allocate more. */
    static final int MAX_ENTRY = 16 << 20;

    private final Path archive;
    private List<Case> cases;

    ArchiveCorpus(Path archive) {
        this.archive = archive;
    }

    static boolean isArchive(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".zip") || n.endsWith(".whl") || n.endsWith(".tar") || n.endsWith(".tgz")
                || n.matches(".*\\.tar\\.(gz|bz2|xz|zst)") || n.endsWith(".deb");
    }

    @Override
    public String name() {
        return archive.toString();
    }

    @Override
    public synchronized List<Case> cases(Oracle oracle) {
        if (cases == null) {
            List<Case> out = new ArrayList<>();
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive))) {
                String n = archive.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.endsWith(".deb")) {
                    readDeb(raw, out);
                } else if (n.endsWith(".zip") || n.endsWith(".whl")) {
                    collect(new ZipArchiveInputStream(raw), out);
                } else if (n.endsWith(".tar")) {
                    collect(new TarArchiveInputStream(raw), out);
                } else {
                    collect(new TarArchiveInputStream(decompress(raw)), out);
                }
            } catch (IOException | CompressorException e) {
                throw new UncheckedIOException("cannot read archive " + archive + ": " + e.getMessage(),
                        e instanceof IOException io ? io : new IOException(e));
            }
            out.sort(Comparator.comparing(Case::id));
            cases = List.copyOf(out);
        }
        return cases;
    }

    private static InputStream decompress(InputStream in) throws CompressorException {
        return new BufferedInputStream(new CompressorStreamFactory().createCompressorInputStream(in));
    }

    private void readDeb(InputStream raw, List<Case> out) throws IOException, CompressorException {
        ArArchiveInputStream ar = new ArArchiveInputStream(raw);
        for (ArchiveEntry e; (e = ar.getNextEntry()) != null; ) {
            if (e.getName().startsWith("data.tar")) {
                InputStream data = new BufferedInputStream(ar);
                collect(new TarArchiveInputStream(e.getName().equals("data.tar") ? data : decompress(data)), out);
                return;
            }
        }
        throw new IOException("no data.tar.* member in " + archive);
    }

    private void collect(ArchiveInputStream<?> in, List<Case> out) throws IOException {
        String group = archive.getFileName().toString();
        for (ArchiveEntry e; (e = in.getNextEntry()) != null; ) {
            String name = e.getName();
            if (e.isDirectory() || !name.endsWith(".py") || !in.canReadEntryData(e)) continue;
            if (e.getSize() > MAX_ENTRY) continue;
            byte[] data = in.readNBytes(MAX_ENTRY + 1);
            if (data.length > MAX_ENTRY) continue;
            String path = name.startsWith("./") ? name.substring(2) : name;
            out.add(Case.of(group + "!/" + path, group, path, data));
        }
    }
}
