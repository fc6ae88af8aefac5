package org.jpyc.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.jpyc.pyc.Magic;
import org.jpyc.pyc.PycFormatException;
import org.jpyc.pyc.PycHeader;
import org.jpyc.util.FileBytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jpyc header PYC}: prints the header fields of a .pyc file. */
@Command(name = "header", mixinStandardHelpOptions = true,
        description = "Print a .pyc header: magic number, version, flags, and mtime/size or source hash.")
public final class HeaderCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PYC", description = "the .pyc file")
    Path pyc;

    @Override
    public Integer call() {
        byte[] data;
        try {
            data = FileBytes.read(pyc);
        } catch (IOException e) {
            System.err.println("jpyc header: cannot read " + pyc + ": " + e.getMessage());
            return 2;
        }
        PycHeader h;
        try {
            h = PycHeader.read(data);
        } catch (PycFormatException e) {
            System.err.println("jpyc header: " + pyc + ": " + e.getMessage());
            return 1;
        }
        Magic m = h.magic();
        String release = m.isRelease() ? "release" : Magic.isPrerelease(h.version()) ? "pre-release data" : "pre-release";
        System.out.println("magic: " + m.number() + " (" + HexFormat.of().formatHex(m.bytes()) + ")");
        System.out.println("version: " + h.version() + " (" + release + ")");
        System.out.println("layout: " + h.layout() + " (" + h.length() + " bytes)");
        System.out.println("flags: " + h.flags() + " (" + h.invalidationMode().name().toLowerCase().replace('_', '-') + ")");
        if (h.isHashBased()) {
            System.out.println("source-hash: " + HexFormat.of().formatHex(h.sourceHash()));
        } else {
            System.out.println("mtime: " + h.mtime() + " (" + Instant.ofEpochSecond(h.mtime()) + ")");
            if (h.sourceSize() >= 0) System.out.println("size: " + h.sourceSize());
        }
        return 0;
    }
}
