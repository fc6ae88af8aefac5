package org.jpyc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jpyc.testing.EmbeddedPython;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every engine command run as a user runs it ({@link Main#commandLine()} with the arguments, the
 * commands the engine's providers add included), over files with the same names in different folders,
 * and compared with what the real interpreters (the embedded CPython of each version) print or write
 * where CPython has an equivalent: {@code ast.dump(ast.parse(...), include_attributes=True)} or the
 * exception, {@code dis.dis}, the {@code py_compile} pyc bytes, {@code importlib.util.cache_from_source},
 * {@code source_from_cache}, {@code source_hash}, the C tokenizer's tokens ({@code verify} is run on
 * the result; {@link VerifyCommandTest} checks it in depth). Versions whose interpreter is
 * absent are skipped.
 */
class CliContractsTest {
    private static final List<String> VERSIONS = List.of("3.10", "3.11", "3.12", "3.13", "3.14");

    /** Sources: same file names in different folders; the last has a NUL byte (rejected by every version). */
    private static final Map<String, String> TREE = new LinkedHashMap<>();
    static {
        TREE.put("a/__init__.py", "def f(x):\n    return x + 1\n");
        TREE.put("b/__init__.py", "class K:\n    'doc'\n    v = [1, 2]\n\nfor i in range(3):\n    print(i, K.v)\n");
        TREE.put("a/sub/__init__.py", "import sys\ntry:\n    print(sys.argv[1:])\nexcept IndexError as e:\n    raise\n");
        TREE.put("c/__init__.py", "x = 1\n\0y = 2\n");
    }

    /**
     * What CPython prints for each file, one file {@code F} to {@code OUT/<F>.<kind>}: ast (dump or
     * the error as {@code jpyc ast} prints it), cache (cache_from_source at optimization '' and 2),
     * hash (source_hash), tok (the C tokenizer's tokens, 3.12+), and for sources it compiles the pyc
     * {@code py_compile.compile(F, cfile=OUT/<F>c)} writes and {@code dis.dis} of that pyc's code.
     */
    private static final String ORACLE = """
            import ast, dis, io, marshal, os, sys, contextlib, importlib.util, py_compile
            out = sys.argv[1]
            def put(f, kind, text):
                p = out + os.path.abspath(f) + kind
                os.makedirs(os.path.dirname(p), exist_ok=True)
                with open(p, "w", encoding="utf-8") as w:
                    w.write(text)
            for f in sys.argv[2:]:
                src = open(f, "rb").read()
                ok = True
                try:
                    a = ast.dump(ast.parse(src), include_attributes=True)
                except SyntaxError as e:
                    ok = False
                    a = "%s(%r, lineno=%r, offset=%r, end_lineno=%r, end_offset=%r)" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
                except Exception as e:
                    ok = False
                    a = repr(e)
                put(f, ".ast", a + "\\n")
                put(f, ".cache", importlib.util.cache_from_source(f) + "\\n" + importlib.util.cache_from_source(f, optimization=2) + "\\n")
                put(f, ".hash", importlib.util.source_hash(src).hex() + "\\n")
                if sys.version_info >= (3, 12) and ok:
                    import _tokenize, token
                    text = src.decode("utf-8")
                    lines = []
                    for t in _tokenize.TokenizerIter(io.StringIO(text).readline, extra_tokens=False):
                        lines.append("%s %r (%d, %d) (%d, %d)\\n" % (token.tok_name[t[0]], t[1], t[2][0], t[2][1], t[3][0], t[3][1]))
                    put(f, ".tok", "".join(lines))
                if ok:
                    cfile = out + os.path.abspath(f) + "c"
                    py_compile.compile(f, cfile=cfile, doraise=True)
                    with open(cfile, "rb") as r:
                        code = marshal.loads(r.read()[16:])
                    buf = io.StringIO()
                    with contextlib.redirect_stdout(buf):
                        dis.dis(code)
                    put(f, "c.dis", buf.getvalue())
            """;

    @TempDir
    Path tmp;

    /** {@code jpyc ARGS} in this JVM, as {@link Main#main} runs it (without exiting). */
    private static InProcess.Result jpyc(String... args) {
        return InProcess.run(Main::commandLine, args);
    }

    private List<Path> writeTree(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : TREE.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue().getBytes(StandardCharsets.UTF_8));
            files.add(p);
        }
        return files;
    }

    /** Runs the oracle script with {@code python} over {@code files}, answers under {@code out}. */
    private static void oracle(Path python, Path out, List<Path> files) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), "-s", "-B", "-c", ORACLE, out.toString()));
        for (Path f : files) cmd.add(f.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("PYTHON"));
        pb.environment().put("PYTHONHASHSEED", "0");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), text);
    }

    /** {@code dir/<path minus its root><suffix>}: where an --out-dir command puts the output for an absolute path. */
    private static Path under(Path dir, Path file, String suffix) {
        return dir.resolve(file.getRoot().relativize(file) + suffix);
    }

    private static String noAddresses(String dis) {
        return dis.replaceAll("at 0x[0-9a-f]+", "at 0x?");
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandAgreesWithCPythonOnSameNamedFilesInDifferentFolders() throws Exception {
        List<Path> files = writeTree(tmp.resolve("src"));
        List<Path> good = files.subList(0, 3);
        Path nul = files.get(3);
        int versionsRun = 0;
        for (String v : VERSIONS) {
            Optional<Path> python = EmbeddedPython.find(v);
            if (python.isEmpty()) continue;
            versionsRun++;
            Path expected = tmp.resolve("cpython-" + v);
            oracle(python.get(), expected, files);

            // ast --out-dir: DIR/<path as given>.ast, one per file, none overwriting another
            Path astDir = tmp.resolve("ast-" + v);
            String[] astArgs = Stream.concat(Stream.of("ast", "--target", v, "--out-dir", astDir.toString()),
                    files.stream().map(Path::toString)).toArray(String[]::new);
            InProcess.Result ast = jpyc(astArgs);
            assertEquals(1, ast.status(), "the NUL file is rejected: " + ast.err());
            for (Path f : files) {
                assertEquals(read(under(expected, f, ".ast")), read(under(astDir, f, ".ast")), "ast " + v + " " + f);
            }
            // ast to stdout: '# FILE' before each
            InProcess.Result astOut = jpyc(Stream.concat(Stream.of("ast", "--target", v), files.stream().map(Path::toString)).toArray(String[]::new));
            StringBuilder want = new StringBuilder();
            for (Path f : files) want.append("# ").append(f).append('\n').append(read(under(expected, f, ".ast")));
            assertEquals(want.toString(), astOut.out(), "ast " + v + " to stdout");
            // one file to stdout: just the line (the NUL byte's error without positions on 3.10/3.11)
            InProcess.Result astNul = jpyc("ast", "--target", v, nul.toString());
            assertEquals(1, astNul.status());
            assertEquals(read(under(expected, nul, ".ast")), astNul.out(), "ast " + v + " NUL byte");

            for (Path f : files) {
                String[] cache = read(under(expected, f, ".cache")).split("\n");
                InProcess.Result c0 = jpyc("cache-path", "--target", v, f.toString());
                assertEquals(0, c0.status(), c0.err());
                assertEquals(cache[0] + "\n", c0.out(), "cache-path " + v);
                InProcess.Result c2 = jpyc("cache-path", "--target", v, "--optimization", "2", f.toString());
                assertEquals(cache[1] + "\n", c2.out(), "cache-path --optimization 2 " + v);
                InProcess.Result back = jpyc("source-path", "--target", v, cache[1]);
                assertEquals(f + "\n", back.out(), "source-path " + v);
                InProcess.Result hash = jpyc("source-hash", "--target", v, f.toString());
                assertEquals(read(under(expected, f, ".hash")), hash.out(), "source-hash " + v);
            }

            // tokenize: the C tokenizer's tokens (3.12+, where CPython exposes them); the NUL file's error line
            for (Path f : good) {
                Path tok = under(expected, f, ".tok");
                assertEquals(!v.equals("3.10") && !v.equals("3.11"), Files.exists(tok), "the oracle tokenizes on 3.12+");
                if (!Files.exists(tok)) continue;
                InProcess.Result t = jpyc("tokenize", "--target", v, f.toString());
                assertEquals(0, t.status(), t.err());
                assertEquals(read(tok), t.out(), "tokenize " + v + " " + f);
            }
            InProcess.Result tokNul = jpyc("tokenize", "--target", v, nul.toString());
            assertEquals(1, tokNul.status());
            assertEquals(read(under(expected, nul, ".ast")), tokNul.out(), "tokenize " + v + " NUL byte");

            // dis --out-dir over CPython's own pycs of this version: DIR/<pyc path as given>.dis
            Path disDir = tmp.resolve("dis-" + v);
            List<String> disArgs = new ArrayList<>(List.of("dis", "--out-dir", disDir.toString()));
            for (Path f : good) disArgs.add(under(expected, f, "c").toString());
            InProcess.Result dis = jpyc(disArgs.toArray(String[]::new));
            assertEquals(0, dis.status(), dis.err());
            for (Path f : good) {
                Path pyc = under(expected, f, "c");
                // code object addresses differ between any two processes (as in the conformance dis check)
                assertEquals(noAddresses(read(under(expected, f, "c.dis"))), noAddresses(read(under(disDir, pyc, ".dis"))), "dis " + v + " " + f);
                InProcess.Result header = jpyc("header", pyc.toString());
                assertEquals(0, header.status());
                assertTrue(header.out().contains("version: " + v + " "), header.out());
                assertTrue(header.out().contains("size: " + Files.size(f) + "\n"), header.out());
            }
            InProcess.Result rt = jpyc("roundtrip", expected.toString());
            assertEquals(0, rt.status(), rt.out());
            assertEquals(good.size() + " passed, 0 failed\n", rt.out());

            if (v.equals("3.13")) checkCompile(expected, good, nul);
        }
        Assumptions.assumeTrue(versionsRun > 0, "no embedded CPython under ~/.cache/jpyc/cpython");
    }

    /** {@code compile} (into __pycache__ and with --out-dir) and {@code diff} against py_compile's 3.13 pycs. */
    private void checkCompile(Path expected, List<Path> good, Path nul) throws IOException {
        Path outDir = tmp.resolve("compiled");
        List<String> args = new ArrayList<>(List.of("compile", "--target", "3.13", "--out-dir", outDir.toString()));
        for (Path f : good) args.add(f.toString());
        InProcess.Result c = jpyc(args.toArray(String[]::new));
        assertEquals(0, c.status(), c.err());
        for (Path f : good) {
            assertArrayEquals(Files.readAllBytes(under(expected, f, "c")), Files.readAllBytes(under(outDir, f, "c")), "compile --out-dir " + f);
        }
        // into __pycache__: a directory argument, every source's own cache path; the NUL file is refused
        InProcess.Result all = jpyc("compile", "--target", "3.13", tmp.resolve("src").toString());
        assertEquals(1, all.status());
        assertEquals("SyntaxError: source code string cannot contain null bytes\n\n", all.err());
        for (Path f : good) {
            Path cache = f.getParent().resolve("__pycache__/__init__.cpython-313.pyc");
            assertArrayEquals(Files.readAllBytes(under(expected, f, "c")), Files.readAllBytes(cache), "compile " + f);
        }
        assertFalse(Files.exists(nul.getParent().resolve("__pycache__/__init__.cpython-313.pyc")));
        // verify: the pycs just written (CPython's bytes) are what CPython writes
        InProcess.Result verify = jpyc("verify", "--target", "3.13", tmp.resolve("src").toString());
        assertEquals(0, verify.status(), verify.out());
        assertEquals("verify: 3 pycs checked: 3 as CPython 3.13 writes them, 0 not\n", verify.out());

        Path a = under(expected, good.get(0), "c");
        Path b = under(expected, good.get(1), "c");
        InProcess.Result same = jpyc("diff", a.toString(), under(outDir, good.get(0), "c").toString());
        assertEquals(0, same.status(), same.out());
        InProcess.Result other = jpyc("diff", a.toString(), b.toString());
        assertEquals(1, other.status());
        assertFalse(other.out().isEmpty());
    }
}
