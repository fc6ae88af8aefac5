package org.jpyc.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What CPython 3.13 does with each of many sources, in one process: {@code compile(src, '<fuzz>',
 * 'exec', dont_inherit=True)} then {@code marshal.dumps}, as "ok" or "Type: message @lineno" (the
 * form {@link CompilerFuzzTest#outcome} gives for jpyc).
 */
final class CPythonOutcomes {
    private static final String SCRIPT = String.join("\n",
            "import sys, marshal",
            "for path in sys.argv[1:]:",
            "    src = open(path, 'rb').read()",
            "    try:",
            "        marshal.dumps(compile(src, '<fuzz>', 'exec', dont_inherit=True))",
            "        out = 'ok'",
            "    except (SyntaxError, RecursionError, MemoryError, ValueError, OverflowError) as e:",
            "        msg = e.msg if isinstance(e, SyntaxError) else str(e)",
            "        line = getattr(e, 'lineno', None)",
            "        out = type(e).__name__ + ': ' + msg + ' @' + ('null' if line is None else str(line))",
            "    sys.stdout.write(repr(out)[1:-1] + '\\n')",
            "");

    private CPythonOutcomes() {}

    static Map<String, String> of(Path python, Map<String, byte[]> sources) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jpyc-fuzz-");
        try {
            List<String> cmd = new ArrayList<>(List.of(python.toString(), "-s", "-B", "-c", SCRIPT));
            List<String> names = new ArrayList<>(sources.keySet());
            for (int i = 0; i < names.size(); i++) {
                Path f = dir.resolve(i + ".py");
                Files.write(f, sources.get(names.get(i)));
                cmd.add(f.toString());
            }
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().keySet().removeIf(k -> k.startsWith("PYTHON"));
            pb.environment().put("PYTHONHASHSEED", "0");
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IOException("CPython failed: " + err);
            String[] lines = out.split("\n");
            Map<String, String> res = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) res.put(names.get(i), unescape(lines[i]));
            return res;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Undoes the backslash escapes of Python's str repr (enough for messages). */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) { b.append(c); continue; }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'x' -> { b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16)); i += 2; }
                case 'u' -> { b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16)); i += 4; }
                case 'U' -> { b.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 9), 16)); i += 8; }
                default -> b.append(n);
            }
        }
        return b.toString();
    }
}
