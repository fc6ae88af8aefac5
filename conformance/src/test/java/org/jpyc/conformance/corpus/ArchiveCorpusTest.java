package org.jpyc.conformance.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives are written here with Commons Compress and read back through {@link Corpora}. */
class ArchiveCorpusTest {
    @TempDir
    Path dir;

    private static final Map<String, byte[]> FILES = new LinkedHashMap<>();

    static {
        FILES.put("pkg/__init__.py", "# jpyc: versions >=3.12\nx = 1\n".getBytes(StandardCharsets.UTF_8));
        FILES.put("pkg/mod.py", "def f():\r\n    return 2\r\n".getBytes(StandardCharsets.UTF_8));
        FILES.put("pkg/data.txt", "not python".getBytes(StandardCharsets.UTF_8));
    }

    private void checkCases(Path archive) {
        List<Case> cases = Corpora.of(archive.toString(), dir).cases(null);
        assertEquals(2, cases.size());
        String name = archive.getFileName().toString();
        assertEquals(name + "!/pkg/__init__.py", cases.get(0).id());
        assertEquals("pkg/mod.py", cases.get(1).dfile());
        assertArrayEquals(FILES.get("pkg/mod.py"), cases.get(1).source());
        assertEquals(">=3.12", cases.get(0).header().versions().toString());
    }

    private static byte[] tar(String prefix) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : FILES.entrySet()) {
                TarArchiveEntry t = new TarArchiveEntry(prefix + e.getKey());
                t.setSize(e.getValue().length);
                tar.putArchiveEntry(t);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void zipAndWheel() throws IOException {
        for (String name : List.of("src.zip", "pkg-1.0-py3-none-any.whl")) {
            Path p = dir.resolve(name);
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(p))) {
                for (Map.Entry<String, byte[]> e : FILES.entrySet()) {
                    zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeArchiveEntry();
                }
            }
            checkCases(p);
        }
    }

    @Test
    void tarAndTarGz() throws IOException {
        Path t = dir.resolve("src.tar");
        Files.write(t, tar(""));
        checkCases(t);
        Path tgz = dir.resolve("src.tar.gz");
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(tgz))) {
            out.write(tar(""));
        }
        checkCases(tgz);
    }

    @Test
    void debWithXzData() throws IOException {
        ByteArrayOutputStream xz = new ByteArrayOutputStream();
        try (OutputStream out = new XZCompressorOutputStream(xz)) {
            out.write(tar("./"));
        }
        Path deb = dir.resolve("python3-pkg_1.0_all.deb");
        try (ArArchiveOutputStream ar = new ArArchiveOutputStream(Files.newOutputStream(deb))) {
            byte[] version = "2.0\n".getBytes(StandardCharsets.US_ASCII);
            ar.putArchiveEntry(new ArArchiveEntry("debian-binary", version.length));
            ar.write(version);
            ar.closeArchiveEntry();
            byte[] data = xz.toByteArray();
            ar.putArchiveEntry(new ArArchiveEntry("data.tar.xz", data.length));
            ar.write(data);
            ar.closeArchiveEntry();
        }
        checkCases(deb);
    }

    @Test
    void unknownFilesAreRefused() throws IOException {
        Path p = dir.resolve("notes.rar");
        Files.writeString(p, "x");
        assertThrows(IllegalArgumentException.class, () -> Corpora.of(p.toString(), dir));
        assertThrows(IllegalArgumentException.class, () -> Corpora.of("does/not/exist", dir));
    }
}
