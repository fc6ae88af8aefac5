package org.jpyc.conformance.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jpyc.version.PyVersion;

/**
 * Finds the {@code org.bytedeco:cpython:<v>:linux-x86_64} jars through Maven and unpacks each once
 * into {@code <cache>/cpython/<v>/}. The jar holds a complete relocatable CPython (bin/, lib/,
 * libpython) under {@code org/bytedeco/cpython/linux-x86_64/}; its executables find libpython
 * through their RPATH, so they run straight from the unpacked tree.
 */
final class EmbeddedInterpreters {
    static final String PROVIDER = "embedded";
    private static final String GROUP_PATH = "org/bytedeco/cpython";
    private static final String PREFIX = "org/bytedeco/cpython/linux-x86_64/";
    private static final String CLASSIFIER = "linux-x86_64";

    private EmbeddedInterpreters() {}

    /** Minor version to bytedeco artifact version, from the filtered {@code embedded.properties}. */
    static Map<PyVersion, String> coordinates() {
        Properties p = new Properties();
        try (InputStream in = EmbeddedInterpreters.class.getResourceAsStream("/org/jpyc/conformance/embedded.properties")) {
            if (in == null) throw new IllegalStateException("resource org/jpyc/conformance/embedded.properties missing");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<PyVersion, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().stream().map(PyVersion::parse).sorted()
                .forEach(v -> out.put(v, p.getProperty(v.toString()).trim()));
        return out;
    }

    /** The interpreter executable for {@code version}, resolving and unpacking as needed. */
    static Path python(PyVersion version, Path cacheDir) {
        String artifact = coordinates().get(version);
        if (artifact == null) {
            throw new OracleException(PROVIDER, version.toString(), "no embedded CPython for this version (have "
                    + coordinates().keySet() + "); use --oracle docker or --oracle local");
        }
        Path home = cacheDir.resolve("cpython").resolve(artifact);
        if (!Files.isDirectory(home)) unpack(jar(version, artifact), home, version);
        Path exe = home.resolve("bin").resolve("python" + version);
        if (!Files.isExecutable(exe)) {
            throw new OracleException(PROVIDER, version.toString(), "unpacked interpreter has no executable " + exe);
        }
        return exe;
    }

    /** Where the jar of {@code artifact} (e.g. {@code 3.13.5-1.5.12}) is in the local repository {@code repo}. */
    static Path jarIn(Path repo, String artifact) {
        return repo.resolve(GROUP_PATH).resolve(artifact).resolve("cpython-" + artifact + "-" + CLASSIFIER + ".jar");
    }

    /**
     * The jar in Maven's local repository ({@link MavenRepository}), fetched there by {@code mvn
     * dependency:get} if missing (told the repository explicitly, so that it lands where it is looked for).
     */
    private static Path jar(PyVersion version, String artifact) {
        Path repo = MavenRepository.localRepository();
        Path jar = jarIn(repo, artifact);
        if (Files.isRegularFile(jar)) return jar;
        List<String> cmd = new ArrayList<>(List.of("mvn", "-q", "-B", "dependency:get",
                "-Dartifact=org.bytedeco:cpython:" + artifact + ":jar:" + CLASSIFIER, "-Dtransitive=false",
                "-Dmaven.repo.local=" + repo));
        String output;
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.MINUTES)) p.destroyForcibly();
            output = new String(out, java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new OracleException(PROVIDER, version.toString(), jar + " is missing and mvn could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OracleException(PROVIDER, version.toString(), "interrupted while fetching " + jar, e);
        }
        if (!Files.isRegularFile(jar)) {
            throw new OracleException(PROVIDER, version.toString(), jar + " is missing and '" + String.join(" ", cmd)
                    + "' did not fetch it: " + (output.length() > 2000 ? output.substring(output.length() - 2000) : output));
        }
        return jar;
    }

    /**
     * Unpacks into a temp sibling and renames it into place atomically. When two processes race, the
     * loser's rename fails because the directory exists; it deletes its copy and uses the winner's.
     */
    private static void unpack(Path jar, Path home, PyVersion version) {
        Path tmp = null;
        try {
            Files.createDirectories(home.getParent());
            tmp = Files.createTempDirectory(home.getParent(), "." + home.getFileName() + ".tmp-");
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (!e.getName().startsWith(PREFIX) || e.getName().length() == PREFIX.length()) continue;
                    Path target = tmp.resolve(e.getName().substring(PREFIX.length())).normalize();
                    if (!target.startsWith(tmp)) throw new IOException("entry escapes the target: " + e.getName());
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            try (Stream<Path> bins = Files.list(tmp.resolve("bin"))) {
                bins.forEach(b -> b.toFile().setExecutable(true, false));
            }
            try {
                Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
                tmp = null;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException lost) {
                if (!Files.isDirectory(home)) throw lost;
            }
        } catch (IOException e) {
            throw new OracleException(PROVIDER, version.toString(), "cannot unpack " + jar + " into " + home + ": " + e, e);
        } finally {
            if (tmp != null) deleteTree(tmp);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // leftovers of a lost race are harmless
        }
    }
}
