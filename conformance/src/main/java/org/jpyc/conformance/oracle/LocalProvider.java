package org.jpyc.conformance.oracle;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpyc.version.PyVersion;

/**
 * Interpreters given by path ({@code --python /usr/bin/python3.11}, repeatable). Without any, the
 * {@code PATH} is searched for {@code python3.9} ... {@code python3.15}. Each one's version is what
 * it reports when started, whatever its file is called.
 */
final class LocalProvider implements OracleProvider {
    private final OracleOptions options;
    private Map<PyVersion, Path> found;

    LocalProvider(OracleOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "local";
    }

    /** The version of every candidate, learnt by starting it once. */
    private Map<PyVersion, Path> found() {
        if (found == null) {
            found = new LinkedHashMap<>();
            for (Path p : candidates()) {
                try (Oracle o = start(p, null)) {
                    found.putIfAbsent(o.info().version(), p);
                } catch (OracleException e) {
                    if (!options.pythons().isEmpty()) throw e; // a path the user named must work
                }
            }
        }
        return found;
    }

    private List<Path> candidates() {
        // absolute: the driver process runs in the driver's directory, where a relative path means something else
        if (!options.pythons().isEmpty()) return options.pythons().stream().map(Path::toAbsolutePath).toList();
        List<Path> out = new ArrayList<>();
        String path = System.getenv("PATH");
        for (int minor = 9; minor <= 15; minor++) {
            for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
                Path exe = Path.of(dir, "python3." + minor);
                if (Files.isExecutable(exe)) {
                    out.add(exe);
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public List<PyVersion> versions() {
        return List.copyOf(found().keySet());
    }

    @Override
    public Oracle open(PyVersion version) {
        Path p = found().get(version);
        if (p == null) {
            throw new OracleException(name(), version.toString(), "no local interpreter for this version (found "
                    + found().keySet() + "; give one with --python PATH)");
        }
        return start(p, version);
    }

    private Oracle start(Path python, PyVersion expected) {
        Path driver = DriverEnvironment.scriptFile(options.cacheDir());
        String label = expected == null ? python.toString() : expected.toString();
        return DriverOracle.start(ProcessChannel.start(python, driver, name(), label), name(), expected,
                python.toString(), options);
    }
}
