package org.jpyc.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A source in a declared encoding other than UTF-8, compiled from bytes under a name that is no readable file, with
 * an error on a line the tokenizer has left: pegen takes the error's line from {@code tok->str}, the bytes before
 * re-encoding, decoded as UTF-8 with replacement characters, and counts both columns there
 * ({@code ParserRuntime.undecodedErrorLine}). Positions against each real interpreter there is.
 *
 * <p>Not 3.10 and 3.11: there, {@code get_error_line_from_tokenizer_buffers} stops walking {@code tok->str} when a
 * newline's address in it is past {@code tok->inp}, an address in the re-encoded buffer, so the line it takes
 * depends on where the allocator put the two buffers, which varies between processes (the same source of a few
 * kilobytes got its error's columns counted on line 1 in one run of the embedded 3.10.8 and on its own line in
 * another): no model can give those positions.
 */
class UndecodedErrorLineTest {
    @TempDir
    Path tmp;

    private static Map<String, byte[]> sources() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        latin1(m, "unclosed_paren", "s = \"\u00e9\u00e9\" + (1,\n  2,\n  3\n");
        latin1(m, "unclosed_bracket_later", "x = 1\nitems = [\"\u00e9\", \"\u00e0\", [\n  1,\n  2\n");
        latin1(m, "forgot_comma", "x = (\"\u00e9\u00e0\" + y z\n  + 1)\n");
        latin1(m, "invalid_after_line", "label = \"\u00e9t\u00e9\" if x else\n  y\n");
        latin1(m, "unclosed_paren_last_line", "s = \"\u00e9\u00e9\" + (1,\n");
        m.put("utf8_unclosed_paren", ("# -*- coding: utf-8 -*-\ns = \"\u00e9\u00e9\" + (1,\n  2,\n  3\n")
                .getBytes(StandardCharsets.UTF_8));
        return m;
    }

    private static void latin1(Map<String, byte[]> m, String name, String body) {
        m.put("latin1_" + name, ("# -*- coding: latin-1 -*-\n" + body).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Per source: type, lineno, offset, end_lineno, end_offset of compile(bytes, '<no file>/name.py'), tab-separated. */
    private static final String SCRIPT = String.join("\n",
            "import sys, warnings",
            "warnings.simplefilter('ignore')",
            "for name in sys.argv[1:]:",
            "    src = open(name, 'rb').read()",
            "    try:",
            "        compile(src, '<no file>/' + name, 'exec', dont_inherit=True)",
            "        print(name, 'OK', sep='\\t')",
            "    except SyntaxError as e:",
            "        print(name, type(e).__name__, e.lineno, e.offset, e.end_lineno, e.end_offset, sep='\\t')",
            "");

    @ParameterizedTest
    @ValueSource(strings = {"3.12", "3.13", "3.14", "3.15"})
    void columnsAreCountedOnTheLineBeforeReencoding(String minor) throws IOException, InterruptedException {
        PyVersion v = PyVersion.parse(minor);
        Map<String, byte[]> sources = sources();
        List<String[]> rows = InterpreterRows.ofEmbedded(minor, tmp, SCRIPT, sources);
        int checked = 0;
        boolean raised = false;
        for (String[] f : rows) {
            String name = f[0].substring(0, f[0].length() - 3);
            String expected = f[1].equals("OK") ? "OK" : String.join(" ", f[1], f[2], f[3], f[4], f[5]);
            raised |= f[1].equals("SyntaxError");
            String actual;
            try {
                Parser.parseForCompile(sources.get(name), v);
                actual = "OK";
            } catch (PyCompileError e) {
                actual = String.join(" ", e.pythonType(), String.valueOf(e.lineno()), String.valueOf(e.offset()),
                        String.valueOf(e.endLineno()), String.valueOf(e.endOffset()));
            }
            assertEquals(expected, actual, minor + " " + name);
            checked++;
        }
        assertEquals(sources.size(), checked);
        assertTrue(raised, "no source raised SyntaxError");
    }
}
