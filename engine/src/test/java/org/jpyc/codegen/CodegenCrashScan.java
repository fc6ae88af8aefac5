package org.jpyc.codegen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;

/** Runs jpyc's code generator for one target over a tree and counts what it throws besides SyntaxErrors: {@code CodegenCrashScan 3.10 DIR}. */
public final class CodegenCrashScan {
    private CodegenCrashScan() {}

    public static void main(String[] args) throws Exception {
        PyVersion v = PyVersion.of(3, Integer.parseInt(args[0].substring(2)));
        List<Path> files;
        try (Stream<Path> w = Files.walk(Path.of(args[1]))) {
            files = w.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        TreeMap<String, Integer> counts = new TreeMap<>();
        TreeMap<String, String> example = new TreeMap<>();
        int ok = 0;
        for (Path f : files) {
            try {
                CodegenCompare.Setup s = CodegenCompare.setup(v, Files.readAllBytes(f), f.toString(), 0, true);
                s.codegen().setUnitSink(new CodegenCompare.Recorder(v));
                s.codegen().compileModule(s.mod());
                ok++;
            } catch (PyCompileError e) {
                ok++;
            } catch (Throwable t) {
                StackTraceElement[] st = t.getStackTrace();
                String key = t.getClass().getSimpleName() + ": " + t.getMessage() + " @ " + (st.length > 0 ? st[0] : "?")
                        + (st.length > 1 ? " < " + st[1] : "");
                counts.merge(key, 1, Integer::sum);
                example.putIfAbsent(key, f.toString());
            }
        }
        System.out.println(ok + "/" + files.size() + " without a crash");
        counts.forEach((k, n) -> System.out.println(n + "\t" + k + "\t" + example.get(k)));
    }
}
