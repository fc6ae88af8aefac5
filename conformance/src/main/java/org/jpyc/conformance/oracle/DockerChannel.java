package org.jpyc.conformance.oracle;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.Frame;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jpyc.version.PyVersion;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The driver inside a container: the container idles ({@code sleep infinity}) and the driver runs
 * in it as one {@code docker exec} with stdin attached; stdout frames are the replies, stderr frames
 * are kept for diagnostics.
 */
final class DockerChannel implements DriverChannel {
    private static final String DRIVER_PATH = "/tmp/jpyc-driver.py";

    private final GenericContainer<?> container;
    private final BytePipe toDriver = new BytePipe();
    private final BytePipe fromDriver = new BytePipe();
    private final StringBuilder stderr = new StringBuilder();
    private final String image;
    private volatile String ended;

    private DockerChannel(GenericContainer<?> container, String image) {
        this.container = container;
        this.image = image;
    }

    @SuppressWarnings("resource")
    static DockerChannel start(String image, PyVersion version, OracleOptions options) {
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image))
                .withCommand("sleep", "infinity")
                .withCopyToContainer(Transferable.of(DriverEnvironment.script()), DRIVER_PATH);
        try {
            c.start();
        } catch (RuntimeException e) {
            c.stop();
            throw new OracleException(DockerProvider.PROVIDER, version.toString(), "cannot start a container from "
                    + image + " (build the offline images with docker/offline/build.sh, or pass --image "
                    + version + "=NAME): " + e.getMessage(), e);
        }
        DockerChannel ch = new DockerChannel(c, image);
        Runtime.getRuntime().addShutdownHook(new Thread(c::stop));
        try {
            ch.exec(version);
        } catch (RuntimeException e) {
            c.stop();
            throw new OracleException(DockerProvider.PROVIDER, version.toString(), "cannot run python" + version
                    + " in " + image + ": " + e.getMessage(), e);
        }
        return ch;
    }

    private void exec(PyVersion version) {
        DockerClient client = DockerClientFactory.instance().client();
        List<String> env = new ArrayList<>();
        for (Map.Entry<String, String> e : DriverEnvironment.VARIABLES.entrySet()) env.add(e.getKey() + "=" + e.getValue());
        ExecCreateCmdResponse exec = client.execCreateCmd(container.getContainerId())
                .withAttachStdin(true).withAttachStdout(true).withAttachStderr(true).withTty(false)
                .withEnv(env)
                .withCmd("python" + version, "-s", "-u", "-B", DRIVER_PATH)
                .exec();
        client.execStartCmd(exec.getId()).withStdIn(toDriver.source).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                switch (frame.getStreamType()) {
                    case STDOUT, RAW -> fromDriver.sink.write(frame.getPayload(), 0, frame.getPayload().length);
                    case STDERR -> {
                        synchronized (stderr) {
                            stderr.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                            if (stderr.length() > 8000) stderr.delete(0, stderr.length() - 4000);
                        }
                    }
                    default -> { }
                }
            }

            @Override
            public void onError(Throwable t) {
                ended = "exec failed: " + t;
                fromDriver.sink.close();
            }

            @Override
            public void onComplete() {
                if (ended == null) ended = "exec ended";
                fromDriver.sink.close();
            }
        });
    }

    @Override
    public OutputStream requests() {
        return toDriver.sink;
    }

    @Override
    public InputStream replies() {
        return fromDriver.source;
    }

    @Override
    public String diagnostics() {
        synchronized (stderr) {
            String err = stderr.toString().strip();
            return "image " + image + (ended != null ? "; " + ended : "") + "; stderr: " + (err.isEmpty() ? "(empty)" : err);
        }
    }

    @Override
    public void kill() {
        toDriver.sink.close();
        container.stop();
    }

    @Override
    public void close() {
        toDriver.sink.close();
        container.stop();
    }
}
