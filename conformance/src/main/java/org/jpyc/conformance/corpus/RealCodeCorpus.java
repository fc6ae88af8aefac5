package org.jpyc.conformance.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jpyc.conformance.oracle.Oracle;
import org.jpyc.conformance.oracle.OracleOptions;

/**
 * {@code --corpus realcode}: the {@code .py} files of the Debian packages {@code corpus/realcode/debian-bookworm.tsv}
 * pins (widely used Python libraries and tools), each package's files one group named after its archive. An archive
 * is fetched once from a Debian mirror ({@code $JPYC_DEBIAN_MIRROR}, default {@link #DEFAULT_MIRROR}) into
 * {@code $JPYC_CACHE/realcode/}, through a temporary file renamed into place after its size and SHA-256 match the
 * list's, so a cached archive is always the one the list names.
 */
public final class RealCodeCorpus implements Corpus {
    /** The list, relative to the checkout. */
    public static final String LIST = "corpus/realcode/debian-bookworm.tsv";
    static final String DEFAULT_MIRROR = "http://deb.debian.org/debian";
    /** No package on the list is near this; a wrong size field cannot make us write more. */
    private static final long MAX_ARCHIVE = 64L << 20;

    /** One line of the list. */
    public record Package(String name, String version, String poolPath, String sha256, long size) {
        String fileName() {
            return poolPath.substring(poolPath.lastIndexOf('/') + 1);
        }
    }

    private final List<Package> packages;
    private final Path cacheDir;
    private final String mirror;
    private List<Case> cases;

    RealCodeCorpus(List<Package> packages, Path cacheDir, String mirror) {
        this.packages = List.copyOf(packages);
        this.cacheDir = cacheDir;
        this.mirror = mirror.endsWith("/") ? mirror.substring(0, mirror.length() - 1) : mirror;
    }

    /** The corpus of the checkout at {@code base}, cached where the oracles cache ({@link OracleOptions#defaults()}). */
    static RealCodeCorpus of(Path base) {
        Path list = base.resolve(LIST);
        if (!Files.isRegularFile(list)) throw new IllegalArgumentException("no " + LIST + " under " + base);
        String mirror = OracleOptions.setting("jpyc.debian.mirror", "JPYC_DEBIAN_MIRROR");
        return new RealCodeCorpus(parse(list), OracleOptions.defaults().cacheDir().resolve("realcode"),
                mirror == null || mirror.isBlank() ? DEFAULT_MIRROR : mirror);
    }

    /** The list's lines: package, version, pool path, SHA-256, size, tab-separated; {@code #} starts a comment. */
    public static List<Package> parse(Path list) {
        List<Package> out = new ArrayList<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 5 || !f[3].matches("[0-9a-f]{64}") || !f[4].matches("[0-9]{1,12}") || f[2].contains("..")) {
                    throw new IllegalArgumentException(list + ":" + n + ": expected package, version, pool path, sha256, size");
                }
                out.add(new Package(f[0], f[1], f[2], f[3], Long.parseLong(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + list, e);
        }
        return out;
    }

    @Override
    public String name() {
        return "realcode";
    }

    @Override
    public synchronized List<Case> cases(Oracle oracle) {
        if (cases == null) {
            List<Case> out = new ArrayList<>();
            for (Package p : packages) out.addAll(new ArchiveCorpus(archive(p)).cases(oracle));
            cases = List.copyOf(out);
        }
        return cases;
    }

    /** Fetches every archive not in the cache yet, without reading them (what a run would fetch first). */
    public static void fetchAll(Path base) {
        RealCodeCorpus c = of(base);
        for (Package p : c.packages) c.archive(p);
    }

    /** The package's archive in the cache, fetched first if it is not there. */
    Path archive(Package p) {
        Path target = cacheDir.resolve(p.fileName());
        try {
            if (Files.isRegularFile(target) && Files.size(target) == p.size()) return target;
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempFile(cacheDir, p.fileName(), ".part");
            try {
                String url = mirror + "/" + p.poolPath();
                System.err.println("realcode: fetching " + url);
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                        .connectTimeout(Duration.ofSeconds(30)).build();
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) {
                    r.body().close();
                    throw new IOException("HTTP " + r.statusCode() + " for " + url + " (set JPYC_DEBIAN_MIRROR to a mirror that has it)");
                }
                String digest = copyLimited(r.body(), tmp, Math.min(p.size(), MAX_ARCHIVE));
                if (Files.size(tmp) != p.size() || !digest.equals(p.sha256())) {
                    throw new IOException(url + ": " + Files.size(tmp) + " bytes, sha256 " + digest + "; " + LIST + " says "
                            + p.size() + " bytes, sha256 " + p.sha256());
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("realcode: cannot fetch " + p.name() + " " + p.version() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + p.name(), e);
        }
    }

    /** Copies at most {@code limit} + 1 bytes of {@code in} to {@code out}; the SHA-256 of what was copied, in hex. */
    private static String copyLimited(InputStream in, Path out, long limit) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (in; var os = Files.newOutputStream(out)) {
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > limit + 1) break; // the size check then fails
                md.update(buf, 0, n);
                os.write(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
