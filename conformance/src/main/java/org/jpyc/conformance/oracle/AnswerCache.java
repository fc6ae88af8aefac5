package org.jpyc.conformance.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Oracle answers on disk, gzipped JSON: {@code <cache>/oracle/<provider>/<sha(sys.version)>/<k0k1>/<key>.json.gz}.
 * The directory is keyed by the interpreter's exact {@code sys.version}, so another build never
 * reads an old entry; the key hashes the driver script (less its uncached operations), the operation and its full input. Entries
 * are written to a temp file and renamed, so concurrent runs never see half an entry.
 */
final class AnswerCache {
    private final Path dir;
    private final ObjectMapper json;

    AnswerCache(Path cacheRoot, String provider, String fullVersion, ObjectMapper json) {
        String v = DriverEnvironment.sha256(fullVersion.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        this.dir = cacheRoot.resolve("oracle").resolve(provider).resolve(v);
        this.json = json;
        try {
            Files.createDirectories(dir);
            Path about = dir.resolve("sys.version.txt");
            if (!Files.exists(about)) Files.writeString(about, fullVersion + "\n");
        } catch (IOException e) {
            // an unwritable cache only makes runs slower
        }
    }

    /** The cache key of one operation input (canonical JSON text of the request item). */
    static String key(String op, JsonNode input) {
        String text = DriverEnvironment.ANSWER_SHA + "\n" + op + "\n" + input.toString();
        return DriverEnvironment.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode get(String key) {
        Path f = file(key);
        if (!Files.isRegularFile(f)) return null;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            return json.readTree(in);
        } catch (IOException e) {
            return null; // a damaged entry is a miss
        }
    }

    void put(String key, JsonNode value) {
        Path f = file(key);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), key.substring(0, 8), ".tmp");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
                out.write(json.writeValueAsBytes(value));
            }
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // best effort
        }
    }

    private Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json.gz");
    }
}
