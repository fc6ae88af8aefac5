package org.jpyc.conformance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pinned list, and archives fetched from a mirror served here (a local HTTP server), checked, cached. */
class RealCodeCorpusTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private byte[] deb;

    @BeforeEach
    void serve() throws Exception {
        deb = deb("usr/lib/python3/dist-packages/pkg/mod.py", "def f():\n    return 1\n");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/debian/pool/main/p/pkg/", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(200, deb.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(deb);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String mirror() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/debian/";
    }

    private static RealCodeCorpus.Package pkg(byte[] archive, String sha256) {
        return new RealCodeCorpus.Package("python3-pkg", "1.0-1", "pool/main/p/pkg/python3-pkg_1.0-1_all.deb", sha256, archive.length);
    }

    @Test
    void fetchesChecksAndCachesTheArchive() throws Exception {
        Path cache = dir.resolve("cache");
        RealCodeCorpus c = new RealCodeCorpus(List.of(pkg(deb, sha256(deb))), cache, mirror());
        List<Case> cases = c.cases(null);
        assertEquals(1, cases.size());
        assertEquals("python3-pkg_1.0-1_all.deb!/usr/lib/python3/dist-packages/pkg/mod.py", cases.get(0).id());
        assertEquals("python3-pkg_1.0-1_all.deb", cases.get(0).group());
        // a second corpus over the same cache reads the archive from it
        new RealCodeCorpus(List.of(pkg(deb, sha256(deb))), cache, mirror()).cases(null);
        assertEquals(1, requests.get());
    }

    @Test
    void aWrongDigestLeavesNothingInTheCache() {
        Path cache = dir.resolve("cache");
        RealCodeCorpus c = new RealCodeCorpus(List.of(pkg(deb, "0".repeat(64))), cache, mirror());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> c.cases(null));
        assertTrue(e.getMessage().contains("sha256"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("python3-pkg_1.0-1_all.deb")));
        assertEquals(0, cache.toFile().list().length, "no temporary file left");
    }

    @Test
    void theListIsParsedAndCheckedLineByLine() throws IOException {
        Path list = dir.resolve("list.tsv");
        Files.writeString(list, "# comment\n\npython3-a\t1\tpool/main/a/a.deb\t" + "a".repeat(64) + "\t12\n");
        assertEquals(List.of(new RealCodeCorpus.Package("python3-a", "1", "pool/main/a/a.deb", "a".repeat(64), 12)),
                RealCodeCorpus.parse(list));
        Files.writeString(list, "python3-a\t1\tpool/../../etc/passwd\t" + "a".repeat(64) + "\t12\n");
        assertThrows(IllegalArgumentException.class, () -> RealCodeCorpus.parse(list));
        Files.writeString(list, "python3-a\t1\tpool/main/a/a.deb\tnot-a-digest\t12\n");
        assertThrows(IllegalArgumentException.class, () -> RealCodeCorpus.parse(list));
    }

    @Test
    void theCheckoutsListParses() {
        Path root = Path.of(System.getProperty("jpyc.root", "..")).toAbsolutePath().normalize();
        assertFalse(RealCodeCorpus.parse(root.resolve(RealCodeCorpus.LIST)).isEmpty());
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** A Debian package: an ar archive whose {@code data.tar} holds one file. */
    private static byte[] deb(String path, String text) throws IOException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes)) {
            TarArchiveEntry t = new TarArchiveEntry("./" + path);
            t.setSize(content.length);
            tar.putArchiveEntry(t);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        byte[] data = tarBytes.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArArchiveOutputStream ar = new ArArchiveOutputStream(out)) {
            byte[] version = "2.0\n".getBytes(StandardCharsets.US_ASCII);
            ar.putArchiveEntry(new ArArchiveEntry("debian-binary", version.length));
            ar.write(version);
            ar.closeArchiveEntry();
            ar.putArchiveEntry(new ArArchiveEntry("data.tar", data.length));
            ar.write(data);
            ar.closeArchiveEntry();
        }
        return out.toByteArray();
    }
}
