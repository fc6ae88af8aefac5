package org.jpyc.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpyc.source.DecodedSource;
import org.jpyc.source.ProgramText;
import org.jpyc.source.PyCompileError;
import org.jpyc.source.SourceDecoder;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A source that is a readable file ({@code compile(source, "name.py", "exec")} run where name.py is that file, as
 * py_compile of an existing path does): pegen reads the error's line from the file
 * ({@code _PyErr_ProgramDecodedTextObject}) and counts both columns on it, and the compiler's errors show that line.
 * {@link Parser#parseForCompile(byte[], PyVersion, byte[])} and {@link ProgramText} against each real interpreter
 * there is (3.15 through the Docker wrapper): positions, and the line CPython puts in {@code SyntaxError.text}.
 */
class ProgramFileErrorTest {
    @TempDir
    Path tmp;

    /** Sources whose error comes out differently when the line is the file's (or may): name -> bytes. */
    private static Map<String, byte[]> sources() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        String many = "1 + ".repeat(400);
        put(m, "long_line_comma", "x = " + many + "(a b)\n");
        put(m, "long_line_comma_utf8", "x = \"" + "\u00e9".repeat(600) + "\" + (a b)\n");
        put(m, "long_line_if", "y = 1\nx = " + "a".repeat(1200) + " if b\n");
        put(m, "long_line_before", "y = \"" + "a".repeat(1200) + "\"\nf(a b)\n");
        put(m, "line_998_before", "y = \"" + "a".repeat(993) + "\"\nf(a b)\n");
        put(m, "line_999_before", "y = \"" + "a".repeat(994) + "\"\nf(a b)\n");
        put(m, "multiline_if_end", "def label(count, limit):\n    return ((\n        \"many\") * 2 if count > limit)\n");
        put(m, "multiline_if_end_utf8", "x = (\"\u00e9\u00e9\" +\n  1 if y)\n");
        put(m, "no_final_newline_class", "x = 1\nclass A");
        put(m, "no_final_newline_call", "x = 1\nf(a b)");
        put(m, "crlf", "x = (\r\n  1 if y\r\n)\r\n");
        put(m, "cr", "x = 1\rf(a b)\r");
        put(m, "tab", "if 1:\n\tf(a b)\n");
        put(m, "bom_call", "\ufefff(a b)\n");
        put(m, "bom_multiline", "\ufeffx = (\"\u00e9\u00e9\" +\n  1 if y)\n");
        m.put("latin1_multiline", "# -*- coding: latin-1 -*-\nx = (\"\u00e9\u00e9\" +\n  1 if y)\n".getBytes(StandardCharsets.ISO_8859_1));
        m.put("latin1_call", "# -*- coding: latin-1 -*-\nx = \"\u00e9\"; f(a b)\n".getBytes(StandardCharsets.ISO_8859_1));
        m.put("latin1_compiler_error", "# -*- coding: latin-1 -*-\nx = \"\u00e9\"; return 1\n".getBytes(StandardCharsets.ISO_8859_1));
        put(m, "compiler_error_long_line", "x = \"" + "\u00e9".repeat(600) + "\"; return 1\n");
        put(m, "compiler_error_bom", "\ufeffreturn 1\n");
        put(m, "expected_colon", "class A\n    pass\n");
        put(m, "unclosed_at_eof", "x = (1,\n");
        put(m, "indent", "if 1:\n  x\n   y\n");
        put(m, "starting_from", "x = 1\ndef f(a, *, b, *c): pass\n");
        return m;
    }

    private static void put(Map<String, byte[]> m, String name, String text) {
        m.put(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Per file: type, lineno, offset, end_lineno, end_offset, the text's UTF-8 as hex (or None), tab-separated. */
    private static final String SCRIPT = String.join("\n",
            "import sys, warnings",
            "warnings.simplefilter('ignore')",
            "for name in sys.argv[1:]:",
            "    src = open(name, 'rb').read()",
            "    try:",
            "        compile(src, name, 'exec', dont_inherit=True)",
            "        print(name, 'OK', sep='\\t')",
            "    except SyntaxError as e:",
            "        t = 'None' if e.text is None else e.text.encode('utf-8', 'surrogatepass').hex()",
            "        print(name, type(e).__name__, e.lineno, e.offset, e.end_lineno, e.end_offset, t, sep='\\t')",
            "");

    @ParameterizedTest
    @ValueSource(strings = {"3.10", "3.11", "3.12", "3.13", "3.14", "3.15"})
    void parserErrorsOfAFileAreCountedOnTheFilesLine(String minor) throws IOException, InterruptedException {
        PyVersion v = PyVersion.parse(minor);
        Map<String, byte[]> sources = sources();
        List<String[]> rows = InterpreterRows.ofEmbedded(minor, tmp, SCRIPT, sources);
        int checked = 0;
        for (String[] f : rows) {
            String name = f[0].substring(0, f[0].length() - 3);
            byte[] src = sources.get(name);
            if (f[1].equals("OK")) continue;
            String expected = String.join(" ", f[1], f[2], f[3], f[4], f[5]);
            String text = f[6].equals("None") ? null : new String(HexFormat.of().parseHex(f[6]), StandardCharsets.UTF_8);
            PyCompileError e;
            try {
                Parser.parseForCompile(src, v, src);
                e = null;
            } catch (PyCompileError err) {
                e = err;
            }
            if (e == null) {
                // a later stage's error: only its line comes from the file, decoded without the tokenizer's encoding
                assertEquals(text, ProgramText.line(src, Integer.parseInt(f[2]), null, v), minor + " " + name + ": text");
                checked++;
                continue;
            }
            String actual = String.join(" ", e.pythonType(), String.valueOf(e.lineno()), String.valueOf(e.offset()),
                    String.valueOf(e.endLineno()), String.valueOf(e.endOffset()));
            assertEquals(expected, actual, minor + " " + name);
            if (!e.hasLineFromTokenizer() && text != null) {
                String fromFile = ProgramText.line(src, e.lineno(), declaredEncoding(src, v), v);
                if (fromFile != null) assertEquals(text, fromFile, minor + " " + name + ": text");
            }
            checked++;
        }
        assertTrue(checked >= sources.size() - 2, "rows checked: " + checked);
    }

    private static String declaredEncoding(byte[] src, PyVersion v) {
        DecodedSource d = SourceDecoder.decode(src, v);
        return d.declaresEncoding() ? d.encoding() : null;
    }
}
