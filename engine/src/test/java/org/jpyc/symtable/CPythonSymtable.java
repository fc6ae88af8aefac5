package org.jpyc.symtable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPython side of the symtable tests: the embedded CPython 3.13 under {@code ~/.cache/jpyc/cpython/}
 * (absent: the tests that need it skip) dumps {@code _symtable.symtable(source, "<test>", "exec")} in the
 * {@link SymtableDump} format, or the error it raises, and the {@code __future__} bits of the module's
 * {@code co_flags}.
 */
final class CPythonSymtable {
    private CPythonSymtable() {}

    /** What CPython says about one source: its dump (or error line), and its future flags (-1 if compile() fails). */
    record Result(String dump, int futureFlags) {}

    static final String SCRIPT = String.join("\n",
            "import sys, os, _symtable",
            "def dump(ste, ind, out):",
            "    out.append(f'{ind}scope {ste.type} {ste.name} line {ste.lineno} nested {ste.nested}')",
            "    out.append(f\"{ind}  varnames {','.join(ste.varnames)}\")",
            "    for k, v in ste.symbols.items():",
            "        out.append(f'{ind}  sym {k} {v}')",
            "    for c in ste.children:",
            "        dump(c, ind + '  ', out)",
            "d = sys.argv[1]",
            "for i in range(int(sys.argv[2])):",
            "    src = open(os.path.join(d, f'{i}.py'), 'rb').read()",
            "    try:",
            "        out = []",
            "        dump(_symtable.symtable(src, '<test>', 'exec'), '', out)",
            "        r = '\\n'.join(out) + '\\n'",
            "    except (SyntaxError, RecursionError) as e:",
            "        r = f'ERROR {type(e).__name__}: {e.msg} {(e.lineno, e.offset, e.end_lineno, e.end_offset)!r}\\n'",
            "    try:",
            "        flags = compile(src, '<test>', 'exec').co_flags & 0x1FE0000",
            "    except SyntaxError:",
            "        flags = -1",
            "    open(os.path.join(d, f'{i}.out'), 'w', encoding='utf-8').write(r)",
            "    open(os.path.join(d, f'{i}.flags'), 'w').write(str(flags))",
            "");

    static Optional<Path> python313() {
        return org.jpyc.testing.EmbeddedPython.python313();
    }

    /** Runs CPython once over all sources. */
    static List<Result> run(Path python, List<String> sources) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jpyc-symtable-");
        try {
            for (int i = 0; i < sources.size(); i++) {
                Files.writeString(dir.resolve(i + ".py"), sources.get(i), StandardCharsets.UTF_8);
            }
            ProcessBuilder pb = new ProcessBuilder(python.toString(), "-s", "-B", "-c", SCRIPT, dir.toString(),
                    Integer.toString(sources.size()));
            pb.environment().keySet().removeIf(k -> k.startsWith("PYTHON"));
            pb.environment().put("PYTHONHASHSEED", "0");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IOException("CPython failed: " + out);
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                results.add(new Result(Files.readString(dir.resolve(i + ".out"), StandardCharsets.UTF_8),
                        Integer.parseInt(Files.readString(dir.resolve(i + ".flags")).trim())));
            }
            return results;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
