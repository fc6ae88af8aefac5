package org.jpyc.codegen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jpyc.compile.Compiler;
import org.jpyc.version.PyVersion;

/**
 * Writes {@code marshal.dumps(compile(source))} as jpyc makes it for every {@code .py} under a tree, for comparing
 * code objects with an interpreter that has no stage hooks (3.10): {@code MarshalTree 3.10 SRC OUT [OPTIMIZE]}. A file jpyc
 * rejects or fails on gets {@code NAME.err} with the message instead.
 */
public final class MarshalTree {
    private MarshalTree() {}

    public static void main(String[] args) throws Exception {
        PyVersion v = PyVersion.of(3, Integer.parseInt(args[0].substring(2)));
        Path src = Path.of(args[1]);
        Path out = Path.of(args[2]);
        int optimize = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        List<Path> files;
        try (Stream<Path> w = Files.walk(src)) {
            files = w.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        for (Path f : files) {
            Path rel = src.relativize(f);
            Path dest = out.resolve(rel.toString() + ".marshal");
            Files.createDirectories(dest.getParent());
            try {
                byte[] bytes = Compiler.marshal(Compiler.compile(Files.readAllBytes(f), f.toString(), v, optimize), v);
                Files.write(dest, bytes);
            } catch (Throwable t) {
                Files.writeString(out.resolve(rel.toString() + ".err"), t.toString());
            }
        }
    }
}
