package org.jpyc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jpyc.pyc.PycFile;
import org.jpyc.util.FileBytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code jpyc roundtrip PATH...}: reads every .pyc (directories are searched recursively), writes
 * it again in memory and compares; lists each mismatch with its first differing offset and ends
 * with {@code N passed, M failed}. Exit status 1 if any failed.
 */
@Command(name = "roundtrip", mixinStandardHelpOptions = true,
        description = "Load and re-write .pyc files in memory; report any that do not reproduce byte for byte.")
public final class RoundtripCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "1..*", description = ".pyc files or directories (searched for *.pyc)")
    List<Path> paths;

    @Override
    public Integer call() {
        List<Path> files = new ArrayList<>();
        int failed = 0;
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".pyc") && Files.isRegularFile(f))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    System.out.println("FAIL " + p + ": cannot list: " + e.getMessage());
                    failed++;
                }
            } else {
                files.add(p);
            }
        }
        int passed = 0;
        for (Path f : files) {
            String problem = check(f);
            if (problem == null) {
                passed++;
            } else {
                failed++;
                System.out.println("FAIL " + f + ": " + problem);
            }
        }
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    /** null if the file round-trips, else what went wrong. */
    static String check(Path f) {
        byte[] in;
        try {
            in = FileBytes.read(f);
        } catch (IOException e) {
            return "cannot read: " + e.getMessage();
        }
        byte[] out;
        try {
            out = PycFile.read(in).toBytes();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        int n = Math.min(in.length, out.length);
        for (int i = 0; i < n; i++) {
            if (in[i] != out[i]) {
                return String.format("first difference at offset %d (0x%x): read %02x, wrote %02x (sizes %d, %d)",
                        i, i, in[i] & 0xFF, out[i] & 0xFF, in.length, out.length);
            }
        }
        if (in.length != out.length) {
            return String.format("first difference at offset %d (0x%x): sizes %d read, %d written", n, n, in.length, out.length);
        }
        return null;
    }
}
