package org.jpyc.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.jpyc.pyc.SourceHash;
import org.jpyc.util.FileBytes;
import org.jpyc.version.PyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jpyc source-hash --target X.Y FILE}: {@code importlib.util.source_hash(data).hex()} of Python X.Y. */
@Command(name = "source-hash", mixinStandardHelpOptions = true,
        description = "Print importlib.util.source_hash(FILE's bytes).hex() of the target version.")
public final class SourceHashCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, paramLabel = "X.Y", description = "target Python version (3.7+)")
    String target;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        byte[] data;
        try {
            data = FileBytes.read(file);
        } catch (IOException e) {
            System.err.println("jpyc source-hash: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        System.out.println(HexFormat.of().formatHex(SourceHash.of(PyVersion.parse(target), data)));
        return 0;
    }
}
