package org.jpyc.conformance.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** The driver script and the environment every oracle interpreter runs with. */
final class DriverEnvironment {
    /**
     * {@code PYTHONHASHSEED=0}: deterministic str/bytes hashes, hence set order;
     * {@code PYTHONDONTWRITEBYTECODE=1}: the stdlib imports leave no pycs behind;
     * {@code PYTHONIOENCODING}: the protocol is ASCII JSON anyway, but tracebacks may not be.
     */
    static final Map<String, String> VARIABLES = Map.of(
            "PYTHONHASHSEED", "0",
            "PYTHONDONTWRITEBYTECODE", "1",
            "PYTHONIOENCODING", "utf-8",
            "PYTHONNOUSERSITE", "1");

    private static final byte[] SCRIPT = load();
    /** sha-256 of the driver: names the directory the script is written to. */
    static final String SCRIPT_SHA = sha256(SCRIPT);
    /**
     * sha-256 of the driver without its "uncached operations" section: part of every cache key, so a
     * change to anything a cached answer depends on never reads old answers, while a change to an
     * operation that is never cached (importlib calls, marshal timing) keeps them.
     */
    static final String ANSWER_SHA = sha256(withoutUncachedSection(SCRIPT));

    private DriverEnvironment() {}

    static byte[] withoutUncachedSection(byte[] script) {
        String text = new String(script, java.nio.charset.StandardCharsets.UTF_8);
        int a = text.indexOf("# >>> uncached operations\n");
        int b = text.indexOf("# <<< uncached operations\n");
        if (a < 0 || b < a) throw new IllegalStateException("driver.py lacks its uncached-operations markers");
        return (text.substring(0, a) + text.substring(b)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] script() {
        return SCRIPT.clone();
    }

    private static byte[] load() {
        try (InputStream in = DriverEnvironment.class.getResourceAsStream("driver.py")) {
            if (in == null) throw new IllegalStateException("resource org/jpyc/conformance/oracle/driver.py missing");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The driver written once under {@code cacheDir/driver/<sha>/driver.py}. */
    static Path scriptFile(Path cacheDir) {
        Path file = cacheDir.resolve("driver").resolve(SCRIPT_SHA.substring(0, 16)).resolve("driver.py");
        try {
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(file.getParent());
                Path tmp = Files.createTempFile(file.getParent(), "driver", ".tmp");
                Files.write(tmp, SCRIPT);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the oracle driver under " + cacheDir, e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
