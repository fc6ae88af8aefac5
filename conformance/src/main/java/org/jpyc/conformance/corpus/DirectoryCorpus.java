package org.jpyc.conformance.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jpyc.conformance.oracle.Oracle;

/** Every {@code *.py} under a directory (e.g. {@code corpus/cases}), in path order; the same on every version. */
final class DirectoryCorpus implements Corpus {
    private final Path root;
    private List<Case> cases;

    DirectoryCorpus(Path root) {
        this.root = root;
    }

    @Override
    public String name() {
        return root.toString();
    }

    @Override
    public synchronized List<Case> cases(Oracle oracle) {
        if (cases == null) {
            List<Case> out = new ArrayList<>();
            String prefix = root.getFileName() == null ? "" : root.getFileName() + "/";
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).sorted()::iterator) {
                    String rel = root.relativize(f).toString().replace('\\', '/');
                    int slash = rel.indexOf('/');
                    String group = slash < 0 ? "." : rel.substring(0, slash);
                    out.add(Case.of(prefix + rel, group, rel, Files.readAllBytes(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read corpus " + root, e);
            }
            cases = List.copyOf(out);
        }
        return cases;
    }
}
