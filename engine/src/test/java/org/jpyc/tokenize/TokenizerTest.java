package org.jpyc.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.jpyc.source.PyCompileError;
import org.jpyc.source.SourceDecoder;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** Structural properties of the token stream; equality with CPython's tokenizer is checked elsewhere. */
class TokenizerTest {
    private static final String SAMPLE = String.join("\n",
            "import os  # comment",
            "",
            "class C(object):",
            "    def f(self, x=1.5e-3, *a, **k) -> None:",
            "        if x:",
            "            return [y for y in range(0x1F) if y % 2 == 0]",
            "    async def g(self):",
            "        await h(r'raw\\n', b\"bytes\", '''multi",
            "line''', 1_000j, x := 3)",
            "        \\",
            "        z = {'a': 1, **k}; w = ...",
            "é = 'café' @ 2 ** -1 // 3 >>= 4",
            "def t():  # tabs count to multiples of 8",
            "\tif x:",
            "\t\treturn 1",
            "");

    private static List<Token> tokens(String src, PyVersion v) {
        return new Tokenizer(SourceDecoder.decode(src.getBytes(StandardCharsets.UTF_8), v), v).tokenizeAll();
    }

    private static byte[] input(String src, PyVersion v) {
        return SourceDecoder.decode(src.getBytes(StandardCharsets.UTF_8), v).utf8();
    }

    @Test
    void positionsPointAtTheTokenText() {
        for (PyVersion v : PyVersion.TARGETS) {
            byte[] b = input(SAMPLE, v);
            for (Token t : tokens(SAMPLE, v)) {
                if (t.start() < 0) {
                    assertEquals(-1, t.colOffset());
                    continue;
                }
                // the token starts on its line at its column, and its line number counts the newlines before it
                assertEquals(t.start(), t.lineStart() + t.colOffset(), t.toString());
                int line = 1;
                for (int i = 0; i < t.start(); i++) if (b[i] == '\n') line++;
                assertEquals(line, t.lineno(), t.toString());
                // a NEWLINE's end column counts the '\n' only where the tokenizer tracks columns itself (3.12+)
                boolean newlineCounted = t.type() == TokenType.NEWLINE && v.has(org.jpyc.version.Feature.TOKEN_COLUMNS_TRACKED);
                assertEquals(t.end(), t.endLineStart() + t.endColOffset() - (newlineCounted ? 1 : 0), t.toString());
                assertTrue(t.end() >= t.start());
            }
        }
    }

    @Test
    void onlyBlanksCommentsAndContinuationsLieBetweenTokens() {
        for (PyVersion v : PyVersion.TARGETS) {
            byte[] b = input(SAMPLE, v);
            int pos = 0;
            for (Token t : tokens(SAMPLE, v)) {
                if (t.start() < 0) continue;
                String gap = new String(b, pos, t.start() - pos, StandardCharsets.UTF_8).replaceAll("#[^\n]*", "");
                assertTrue(gap.matches("[ \t\f\n\\\\]*"), v + " gap before " + t + ": [" + gap + "]");
                pos = Math.max(pos, t.end());
            }
        }
    }

    @Test
    void indentsAndDedentsBalanceAndEndWithEndmarker() {
        for (PyVersion v : PyVersion.TARGETS) {
            List<Token> ts = tokens(SAMPLE, v);
            long in = ts.stream().filter(t -> t.type() == TokenType.INDENT).count();
            long out = ts.stream().filter(t -> t.type() == TokenType.DEDENT).count();
            assertEquals(in, out);
            assertTrue(in >= 4);
            assertEquals(TokenType.ENDMARKER, ts.get(ts.size() - 1).type());
            assertEquals(0, ts.get(ts.size() - 1).level());
        }
    }

    @Test
    void versionDeltas() {
        String f = "x = f'a{b!r:>{w}}c'\n";
        assertTrue(tokens(f, PyVersion.V3_11).stream().anyMatch(t -> t.type() == TokenType.STRING));
        assertTrue(tokens(f, PyVersion.V3_12).stream().anyMatch(t -> t.type() == TokenType.FSTRING_START));
        assertTrue(tokens(f, PyVersion.V3_12).stream().anyMatch(t -> t.type() == TokenType.EXCLAMATION));
        String t = "x = t'{a}'\n";
        assertTrue(tokens(t, PyVersion.V3_14).stream().anyMatch(k -> k.type() == TokenType.TSTRING_START));
        assertFalse(tokens(t, PyVersion.V3_13).stream().anyMatch(k -> k.type() == TokenType.TSTRING_START));
        String a = "async def f(): await x\n";
        assertTrue(tokens(a, PyVersion.V3_12).stream().anyMatch(k -> k.type() == TokenType.ASYNC));
        assertFalse(tokens(a, PyVersion.V3_13).stream().anyMatch(k -> k.type() == TokenType.ASYNC));
    }

    @Test
    void errorsAreTypedWithPositions() {
        PyVersion v = PyVersion.V3_12;
        PyCompileError tab = assertThrows(PyCompileError.class, () -> tokens("if 1:\n\tx=1\n        y=2\n", v));
        assertEquals("TabError", tab.pythonType());
        assertEquals(3, tab.lineno());
        PyCompileError dedent = assertThrows(PyCompileError.class, () -> tokens("if 1:\n    x=1\n  y=2\n", v));
        assertEquals("IndentationError", dedent.pythonType());
        PyCompileError str = assertThrows(PyCompileError.class, () -> tokens("x = 'abc\n", v));
        assertTrue(str.pythonMessage().startsWith("unterminated string literal"));
        assertEquals(5, str.offset());
        PyCompileError num = assertThrows(PyCompileError.class, () -> tokens("x = 1__0\n", v));
        assertEquals("invalid decimal literal", num.pythonMessage());
        PyCompileError paren = assertThrows(PyCompileError.class, () -> tokens("x = (1,\n", v));
        assertEquals("'(' was never closed", paren.pythonMessage());
    }

    @Test
    void limitsAreCPythonsNotTheJavaStack() {
        PyVersion v = PyVersion.V3_13;
        PyCompileError parens = assertThrows(PyCompileError.class, () -> tokens("x = " + "(".repeat(100_000) + "\n", v));
        assertEquals("too many nested parentheses", parens.pythonMessage());
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 101; i++) deep.append(" ".repeat(i)).append("if 1:\n");
        PyCompileError indent = assertThrows(PyCompileError.class, () -> tokens(deep.toString(), v));
        assertEquals("too many levels of indentation", indent.pythonMessage());
        PyCompileError fstrings = assertThrows(PyCompileError.class, () -> tokens("f'{" .repeat(200) + "\n", v));
        assertEquals("SyntaxError", fstrings.pythonType());
    }

    @Test
    void randomAsciiNeverEscapesAsAnUntypedException() {
        Random r = new Random(3);
        String alphabet = "ab1_ .()[]{}'\"\\#\n\t=+-*/f:!{}0xe";
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(40);
            for (int i = 0; i < len; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            for (PyVersion v : List.of(PyVersion.V3_11, PyVersion.V3_12, PyVersion.V3_14)) {
                try {
                    tokens(sb.toString(), v);
                } catch (PyCompileError e) {
                    assertTrue(e.lineno() == null || e.lineno() >= 0);
                }
            }
        }
    }

    @Test
    void identifierCharactersFollowTheVersionsUnicodeDatabase() {
        String toto = new String(Character.toChars(0x1E290)) + " = 1\n"; // Unicode 14.0 (CPython 3.11)
        PyCompileError e = assertThrows(PyCompileError.class, () -> tokens(toto, PyVersion.V3_10));
        assertTrue(e.pythonMessage().startsWith("invalid non-printable character U+1E290"));
        assertEquals(TokenType.NAME, tokens(toto, PyVersion.V3_11).get(0).type());
        PyCompileError euro = assertThrows(PyCompileError.class, () -> tokens("\u20ac = 1\n", PyVersion.V3_12));
        assertTrue(euro.pythonMessage().startsWith("invalid character '"));
    }

    @Test
    void parserPlacedErrorsCountBytesBefore313AndCharactersAfter() {
        String src = "\u00e9\u00e9 = (1,\n"; // two 2-byte characters before the bracket
        PyCompileError bytes = assertThrows(PyCompileError.class, () -> tokens(src, PyVersion.V3_12));
        PyCompileError chars = assertThrows(PyCompileError.class, () -> tokens(src, PyVersion.V3_13));
        assertEquals(bytes.pythonMessage(), chars.pythonMessage());
        assertEquals(2, bytes.offset() - chars.offset());
    }
}
