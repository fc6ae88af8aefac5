package org.jpyc.conformance.oracle;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jpyc.version.PyVersion;
import org.testcontainers.DockerClientFactory;

/**
 * Interpreters in containers (Testcontainers), one container per version. The image for a version
 * is, in order: the one configured ({@code --image 3.15=NAME}, {@code JPYC_DOCKER_IMAGES}); the
 * official {@code python:X.Y-slim} if it is present locally; the offline-built
 * {@code jpyc/oracle:<suite>} image carrying that version if present locally (see
 * {@code docker-images.properties} and docker/README.md); else the official name, which Docker
 * will then try to pull.
 */
final class DockerProvider implements OracleProvider {
    static final String PROVIDER = "docker";
    private final OracleOptions options;

    DockerProvider(OracleOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return PROVIDER;
    }

    /** Whether a Docker engine answers (Testcontainers' own probe). */
    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static List<PyVersion> candidates() {
        List<PyVersion> out = new ArrayList<>();
        for (int minor = 9; minor <= 15; minor++) out.add(PyVersion.of(3, minor));
        return out;
    }

    /** Versions whose image is configured or present locally. */
    @Override
    public List<PyVersion> versions() {
        if (!dockerAvailable()) return List.of();
        List<PyVersion> out = new ArrayList<>();
        for (PyVersion v : candidates()) {
            if (options.images().containsKey(v) || present(officialImage(v)) || (localImage(v) != null && present(localImage(v)))) out.add(v);
        }
        return out;
    }

    static String officialImage(PyVersion v) {
        return "python:" + v + "-slim";
    }

    /** The offline {@code jpyc/oracle:*} image that carries {@code v}, or {@code null}. */
    static String localImage(PyVersion v) {
        Properties p = new Properties();
        try (InputStream in = DockerProvider.class.getResourceAsStream("docker-images.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty(v.toString());
    }

    static boolean present(String image) {
        DockerClient client = DockerClientFactory.instance().client();
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    String imageFor(PyVersion v) {
        String configured = options.images().get(v);
        if (configured != null) return configured;
        String official = officialImage(v);
        if (present(official)) return official;
        String local = localImage(v);
        if (local != null && present(local)) return local;
        return official;
    }

    @Override
    public Oracle open(PyVersion version) {
        if (!dockerAvailable()) {
            throw new OracleException(PROVIDER, version.toString(), "no Docker engine is reachable");
        }
        String image = imageFor(version);
        DockerChannel channel = DockerChannel.start(image, version, options);
        return DriverOracle.start(channel, PROVIDER, version, image + " python" + version, options);
    }
}
