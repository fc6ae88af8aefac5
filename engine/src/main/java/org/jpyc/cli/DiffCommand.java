package org.jpyc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jpyc.codediff.PycDiff;
import org.jpyc.util.FileBytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code jpyc diff A.pyc B.pyc}: whether two pyc files are the same, and if not, where they first
 * differ ({@link PycDiff}): both headers, the first differing object path and field, whether values
 * or only the marshal encoding differ, which field groups agree, and the code object disassembled
 * side by side. Exit status: 0 identical, 1 different, 2 a file could not be read.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two .pyc files code object by code object; exit 1 if they differ.")
public final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A.pyc", description = "the expected file (e.g. CPython's)")
    Path a;

    @Parameters(index = "1", paramLabel = "B.pyc", description = "the actual file (e.g. jpyc's)")
    Path b;

    @Override
    public Integer call() {
        byte[] x;
        byte[] y;
        try {
            x = FileBytes.read(a);
            y = FileBytes.read(b);
        } catch (IOException e) {
            System.err.println("jpyc diff: cannot read " + e.getMessage());
            return 2;
        }
        PycDiff d = PycDiff.compare(x, y);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(d.explain(a.toString(), b.toString()));
        return d.identical() ? 0 : 1;
    }
}
