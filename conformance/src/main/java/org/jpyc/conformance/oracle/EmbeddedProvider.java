package org.jpyc.conformance.oracle;

import java.nio.file.Path;
import java.util.List;
import org.jpyc.version.PyVersion;

/** The default oracles: the bytedeco CPython builds from the local Maven repository. */
final class EmbeddedProvider implements OracleProvider {
    private final OracleOptions options;

    EmbeddedProvider(OracleOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return EmbeddedInterpreters.PROVIDER;
    }

    @Override
    public List<PyVersion> versions() {
        return List.copyOf(EmbeddedInterpreters.coordinates().keySet());
    }

    @Override
    public Oracle open(PyVersion version) {
        Path python = EmbeddedInterpreters.python(version, options.cacheDir());
        Path driver = DriverEnvironment.scriptFile(options.cacheDir());
        return DriverOracle.start(ProcessChannel.start(python, driver, name(), version.toString()), name(), version,
                python.toString(), options);
    }
}
