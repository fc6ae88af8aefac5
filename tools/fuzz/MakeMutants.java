import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jpyc.compile.SourceMutator;

/**
 * Writes mutants of real Python sources as a corpus directory, for the conformance checks against real CPython:
 * COUNT sources taken at random (SEED) from the {@code .py} files of 200 bytes to 40 KB under the given trees,
 * each mutated by the compiler fuzz test's {@code SourceMutator} (line and token edits that keep most of the
 * file valid; {@code --rounds=N} mutates the mutant again, N rounds in all, default 1), written as
 * {@code OUT/m00000.py} and so on. The same arguments give the same files.
 *
 * <pre>
 * mvn -o -q -pl engine test-compile
 * java -cp engine/target/classes:engine/target/test-classes tools/fuzz/MakeMutants.java OUT SEED COUNT [--rounds=N] TREE...
 * ./jpyc conformance --checks ast,error --corpus OUT
 * ./jpyc conformance --checks compile,symtable --corpus OUT --versions 3.13,3.14
 * python3 tools/fuzz/reencode.py OUT OUT-latin1 l     (accents in strings and comments, then a cookie, BOM, CRLF
 *                                                     or latin-1: see its docstring), checked the same way
 * </pre>
 */
public class MakeMutants {
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: MakeMutants OUT SEED COUNT [--rounds=N] TREE...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        int first = 3, rounds = 1;
        if (args[3].startsWith("--rounds=")) {
            rounds = Integer.parseInt(args[3].substring("--rounds=".length()));
            first = 4;
        }
        List<Path> files = new ArrayList<>();
        for (int i = first; i < args.length; i++) {
            try (Stream<Path> s = Files.walk(Path.of(args[i]))) {
                s.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).filter(MakeMutants::sized).sorted()
                        .forEach(files::add);
            }
        }
        Collections.shuffle(files, new Random(seed));
        int n = Math.min(count, files.size());
        Files.createDirectories(out);
        for (int i = 0; i < n; i++) {
            SourceMutator mutator = new SourceMutator(seed * 1000003 + i);
            byte[] mutant = Files.readAllBytes(files.get(i));
            for (int r = 0; r < rounds; r++) mutant = mutator.mutate(mutant);
            Files.write(out.resolve(String.format("m%05d.py", i)), mutant);
        }
        System.out.println(n + " mutants of " + files.size() + " sources");
    }

    private static boolean sized(Path p) {
        try {
            long size = Files.size(p);
            return size > 200 && size < 40_000;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
