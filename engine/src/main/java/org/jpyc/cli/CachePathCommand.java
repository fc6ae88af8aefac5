package org.jpyc.cli;

import java.util.concurrent.Callable;
import org.jpyc.pyc.PycachePathException;
import org.jpyc.pyc.PycacheRules;
import org.jpyc.version.PyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jpyc cache-path --target X.Y [--optimization N] [--pycache-prefix DIR] SOURCE}: prints what
 * {@code importlib.util.cache_from_source(SOURCE, optimization=N)} of Python X.Y prints, with
 * {@code sys.pycache_prefix = DIR}.
 */
@Command(name = "cache-path", mixinStandardHelpOptions = true,
        description = "Print importlib.util.cache_from_source(SOURCE) of the target version.")
public final class CachePathCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, paramLabel = "X.Y", description = "target Python version")
    String target;

    @Option(names = "--optimization", paramLabel = "N",
            description = "optimization argument, passed as str (omitted: none, as with -O unset)")
    String optimization;

    @Option(names = "--pycache-prefix", paramLabel = "DIR", description = "sys.pycache_prefix")
    String prefix;

    @Parameters(paramLabel = "SOURCE", description = "the source path (need not exist)")
    String source;

    @Override
    public Integer call() {
        PycacheRules rules = PycacheRules.forVersion(PyVersion.parse(target));
        try {
            System.out.println(rules.cacheFromSource(source, optimization, prefix, null));
            return 0;
        } catch (PycachePathException e) {
            System.err.println(e.pythonText());
            return 1;
        }
    }
}
