package org.jpyc.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;

/** Properties of the decoder on synthetic input; CPython equality is the conformance suite's job. */
class SourceDecoderTest {
    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void universalNewlinesGiveTheSameBytesForEveryLineEnding() {
        Random r = new Random(42);
        for (int n = 0; n < 200; n++) {
            StringBuilder lf = new StringBuilder();
            StringBuilder mixed = new StringBuilder();
            int lines = 1 + r.nextInt(6);
            for (int i = 0; i < lines; i++) {
                String line = "x" + r.nextInt(1000);
                lf.append(line).append('\n');
                mixed.append(line).append(new String[] {"\n", "\r\n", "\r"}[r.nextInt(3)]);
            }
            for (PyVersion v : PyVersion.TARGETS) {
                // up to 3.11 a final \r\n leaves an empty last line (Feature.CRLF_AT_END_ADDS_LINE)
                boolean extra = v.has(org.jpyc.version.Feature.CRLF_AT_END_ADDS_LINE) && mixed.toString().endsWith("\r\n");
                byte[] a = SourceDecoder.decode(bytes(lf + (extra ? "\n" : "")), v).utf8();
                byte[] b = SourceDecoder.decode(bytes(mixed.toString()), v).utf8();
                assertArrayEquals(a, b);
                for (byte x : b) assertTrue(x != '\r');
            }
        }
    }

    @Test
    void aFinalCrlfLeavesAnEmptyLineUpTo311() {
        assertArrayEquals(bytes("def f():\n\n"), SourceDecoder.decode(bytes("def f():\r\n"), PyVersion.of(3, 11)).utf8());
        assertArrayEquals(bytes("def f():\n"), SourceDecoder.decode(bytes("def f():\r\n"), PyVersion.V3_12).utf8());
        assertArrayEquals(bytes("def f():\n"), SourceDecoder.decode(bytes("def f():\r"), PyVersion.of(3, 11)).utf8());
    }

    @Test
    void aFinalNewlineIsAddedToNonEmptyInputOnly() {
        PyVersion v = PyVersion.V3_12;
        assertEquals(0, SourceDecoder.decode(new byte[0], v).utf8().length);
        byte[] out = SourceDecoder.decode(bytes("x = 1"), v).utf8();
        assertEquals('\n', out[out.length - 1]);
        assertEquals(6, out.length);
    }

    @Test
    void bomIsSkippedAndRemembered() {
        byte[] src = bytes("\u00ef\u00bb\u00bfx = 1\n");
        DecodedSource d = SourceDecoder.decode(src, PyVersion.V3_13);
        assertTrue(d.hadBom());
        assertEquals("x = 1\n", d.text());
        assertEquals("utf-8", d.encoding());
    }

    @Test
    void latin1CookieOnLineOneOrTwoMapsEveryByteToItsCodePoint() {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (int b = 0x80; b <= 0xff; b++) payload.write(b);
        for (String head : new String[] {"# -*- coding: latin-1 -*-\n", "#!/usr/bin/python\n# vim: set fileencoding=iso-8859-1 :\n"}) {
            ByteArrayOutputStream src = new ByteArrayOutputStream();
            src.writeBytes(bytes(head + "s = '"));
            src.writeBytes(payload.toByteArray());
            src.writeBytes(bytes("'\n"));
            for (PyVersion v : PyVersion.TARGETS) {
                DecodedSource d = SourceDecoder.decode(src.toByteArray(), v);
                assertEquals("iso-8859-1", d.encoding());
                assertEquals(head.startsWith("#!") ? 2 : 1, d.cookieLine());
                String text = d.text();
                String s = text.substring(text.indexOf('\'') + 1, text.lastIndexOf('\''));
                assertEquals(0x80, s.length());
                for (int i = 0; i < s.length(); i++) assertEquals(0x80 + i, s.charAt(i));
            }
        }
    }

    @Test
    void aCookieAfterALineOfCodeIsIgnored() {
        byte[] src = bytes("x = 1\n# coding: latin-1\ny = '\u00e9'\n");
        // before 3.14 the bad byte is left for the tokenizer; 3.14 rejects it while decoding
        DecodedSource d = SourceDecoder.decode(src, PyVersion.V3_13);
        assertEquals("utf-8", d.encoding());
        assertEquals(0, d.cookieLine());
        PyCompileError e = assertThrows(PyCompileError.class, () -> SourceDecoder.decode(src, PyVersion.V3_14));
        assertEquals(3, e.lineno());
        assertEquals(src.length - 3, e.byteOffset());
        assertTrue(e.pythonMessage().startsWith("Non-UTF-8 code starting with '\\xe9' on line 3"));
    }

    @Test
    void nullBytesAreAValueErrorBefore312AndASyntaxErrorAfter() {
        byte[] src = bytes("x = 1\n\0\n");
        for (PyVersion v : PyVersion.TARGETS) {
            PyCompileError e = assertThrows(PyCompileError.class, () -> SourceDecoder.decode(src, v));
            assertEquals(v.atLeast(3, 12) ? "SyntaxError" : "ValueError", e.pythonType());
            assertEquals(6, e.byteOffset());
            assertNull(e.lineno());
            assertEquals(v.atLeast(3, 12)
                    ? "SyntaxError('source code string cannot contain null bytes', lineno=None, offset=None, end_lineno=None, end_offset=None)"
                    : "ValueError('source code string cannot contain null bytes')", e.pythonLine(v));
        }
    }

    @Test
    void encodingErrorsAreTyped() {
        PyVersion v = PyVersion.V3_12;
        PyCompileError bom = assertThrows(PyCompileError.class,
                () -> SourceDecoder.decode(bytes("\u00ef\u00bb\u00bf# coding: latin-1\n"), v));
        assertTrue(bom.pythonMessage().endsWith("with BOM"));
        assertEquals(0, bom.lineno());
        PyCompileError unknown = assertThrows(PyCompileError.class,
                () -> SourceDecoder.decode(bytes("# coding: no-such-codec\n"), v));
        assertTrue(unknown.pythonMessage().startsWith("unknown encoding: "));
        PyCompileError ascii = assertThrows(PyCompileError.class,
                () -> SourceDecoder.decode(bytes("# coding: ascii\nx = '\u00e9'\n"), v));
        assertTrue(ascii.pythonMessage().contains("in position 21"));
        assertEquals(21, ascii.byteOffset());
    }

    @Test
    void cookieNamesAreNormalisedLikeTheTokenizer() {
        assertEquals("utf-8", SourceDecoder.normalName("UTF_8"));
        assertEquals("utf-8", SourceDecoder.normalName("utf-8-emacs"));
        assertEquals("iso-8859-1", SourceDecoder.normalName("Latin-1-unix"));
        assertEquals("utf8", SourceDecoder.normalName("utf8"));
        assertFalse(Codecs.lookup("utf8") == null);
        assertNull(Codecs.lookup("no.such"));
    }

    /**
     * The scan that reads eight bytes at a time against a byte at a time: every newline found where it is, the
     * first NUL reported at its offset, whatever the bytes around them (each kind of special byte, and the bytes
     * next to the thresholds, 0x0D/0x0E and 0x7F/0x80), at every alignment and length.
     */
    @Test
    void theWordScanFindsWhatAByteScanFinds() {
        byte[] alphabet = {'\n', '\r', 0, 9, 12, 13, 14, ' ', '#', 'a', 'z', 0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xa9, (byte) 0xff};
        Random r = new Random(7);
        for (int n = 0; n < 20000; n++) {
            byte[] src = new byte[r.nextInt(40)];
            for (int i = 0; i < src.length; i++) src[i] = r.nextInt(3) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) ('a' + r.nextInt(26));
            int nul = -1;
            boolean cr = false;
            for (int i = 0; i < src.length && nul < 0; i++) if (src[i] == 0) nul = i;
            for (byte b : src) cr |= b == '\r';
            DecodedSource d;
            try {
                d = SourceDecoder.decode(src, PyVersion.V3_13); // 3.13: no UTF-8 check here, only NUL is an error
            } catch (PyCompileError e) {
                assertEquals(nul, e.byteOffset(), "NUL offset");
                continue;
            }
            assertEquals(-1, nul, "a NUL is an error");
            if (cr) {
                assertNull(d.lineEnds());
                continue;
            }
            byte[] text = d.utf8();
            int lines = 0;
            for (int i = 0; i < text.length; i++) {
                if (text[i] == '\n') assertEquals(i, d.lineEnds()[lines++], "line end " + lines);
            }
            assertEquals(lines, d.lineCount());
        }
    }
}
