package org.jpyc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jpyc.dis.Dis;
import org.jpyc.object.PyCode;
import org.jpyc.pyc.PycFile;
import org.jpyc.util.FileBytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jpyc dis PYC...}: what {@code dis.dis(marshal.loads(pyc[16:]))} prints in the CPython
 * version the file's magic number names. One file prints to stdout; with {@code --out-dir DIR},
 * each input {@code P} is written to {@code DIR/P.dis} (leading {@code /} dropped, directories
 * created). Exit status: 0 if all went well, 1 if some input was bad, 2 if a file could not be
 * read or written.
 */
@Command(name = "dis", mixinStandardHelpOptions = true,
        description = "Disassemble .pyc files exactly as dis.dis() of their CPython version prints them.")
public final class DisCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PYC", arity = "1..*", description = "the .pyc files")
    List<Path> pycs;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "write DIR/<path as given>.dis for each input instead of printing")
    Path outDir;

    @Override
    public Integer call() {
        int status = 0;
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (Path pyc : pycs) {
            byte[] data;
            try {
                data = FileBytes.read(pyc);
            } catch (IOException e) {
                System.err.println("jpyc dis: cannot read " + pyc + ": " + e.getMessage());
                status = Math.max(status, 2);
                continue;
            }
            String text;
            try {
                PycFile f = PycFile.read(data);
                if (!(f.code() instanceof PyCode code)) {
                    throw new IllegalArgumentException("top-level object is a " + f.code().typeName()
                            + ", not a code object (at byte offset " + f.header().length() + ")");
                }
                text = Dis.dis(code, f.version());
            } catch (RuntimeException e) {
                System.err.println("jpyc dis: " + pyc + ": " + e.getMessage());
                status = Math.max(status, 1);
                continue;
            }
            if (outDir == null) {
                if (pycs.size() > 1) stdout.println("==> " + pyc + " <==");
                stdout.print(text);
                continue;
            }
            Path target = OutDir.pathFor(outDir, pyc.toString(), ".dis");
            if (target == null) {
                System.err.println("jpyc dis: " + pyc + ": path leaves --out-dir; not written");
                status = Math.max(status, 2);
                continue;
            }
            try {
                if (target.getParent() != null) Files.createDirectories(target.getParent());
                Files.writeString(target, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("jpyc dis: cannot write " + target + ": " + e.getMessage());
                status = Math.max(status, 2);
            }
        }
        return status;
    }
}
