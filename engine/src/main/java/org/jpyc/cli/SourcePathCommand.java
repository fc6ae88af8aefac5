package org.jpyc.cli;

import java.util.concurrent.Callable;
import org.jpyc.pyc.PycachePathException;
import org.jpyc.pyc.PycacheRules;
import org.jpyc.version.PyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jpyc source-path --target X.Y PYC}: {@code importlib.util.source_from_cache(PYC)} of Python X.Y. */
@Command(name = "source-path", mixinStandardHelpOptions = true,
        description = "Print importlib.util.source_from_cache(PYC) of the target version.")
public final class SourcePathCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, paramLabel = "X.Y", description = "target Python version")
    String target;

    @Option(names = "--pycache-prefix", paramLabel = "DIR", description = "sys.pycache_prefix")
    String prefix;

    @Parameters(paramLabel = "PYC", description = "the cache path (need not exist)")
    String pyc;

    @Override
    public Integer call() {
        PycacheRules rules = PycacheRules.forVersion(PyVersion.parse(target));
        try {
            System.out.println(rules.sourceFromCache(pyc, prefix));
            return 0;
        } catch (PycachePathException e) {
            System.err.println(e.pythonText());
            return 1;
        }
    }
}
