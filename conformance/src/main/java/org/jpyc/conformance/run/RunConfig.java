package org.jpyc.conformance.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jpyc.conformance.oracle.OracleOptions;
import org.jpyc.version.PyVersion;

/**
 * One conformance run.
 *
 * @param provider      oracle provider name ({@code embedded}, {@code docker}, {@code local})
 * @param options       how the provider finds and drives interpreters
 * @param versions      versions to test
 * @param checks        check names ({@link org.jpyc.conformance.check.Checks})
 * @param corpora       {@code --corpus} arguments: directories, archives, {@code stdlib}
 * @param base          where relative corpus paths are resolved
 * @param mtime         the source mtime every oracle compile uses (timestamp pyc headers)
 * @param engineTimeout the longest one check of one case may take before it counts as failed
 * @param ratchetDir    where the {@link Ratchet} pass lists are (null: none, every list empty)
 */
public record RunConfig(String provider, OracleOptions options, List<PyVersion> versions, List<String> checks,
                        List<String> corpora, Path base, long mtime, Duration engineTimeout, Path ratchetDir) {
    /** The mtime of every compiled source: 2023-11-14T22:13:20Z. */
    public static final long DEFAULT_MTIME = 1_700_000_000L;

    public RunConfig {
        versions = List.copyOf(versions);
        checks = List.copyOf(checks);
        corpora = List.copyOf(corpora);
    }

    /** With the repository's ratchet lists ({@link Ratchet#defaultDir}). */
    public RunConfig(String provider, OracleOptions options, List<PyVersion> versions, List<String> checks,
                     List<String> corpora, Path base, long mtime, Duration engineTimeout) {
        this(provider, options, versions, checks, corpora, base, mtime, engineTimeout, Ratchet.defaultDir(base));
    }

    /** The same run with other ratchet lists. */
    public RunConfig withRatchetDir(Path dir) {
        return new RunConfig(provider, options, versions, checks, corpora, base, mtime, engineTimeout, dir);
    }

    public static RunConfig of(String provider, OracleOptions options, List<PyVersion> versions, List<String> checks,
                               List<String> corpora, Path base) {
        return new RunConfig(provider, options, versions, checks, corpora, base, DEFAULT_MTIME, Duration.ofSeconds(60));
    }
}
