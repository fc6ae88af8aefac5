package org.jpyc.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The ways of making a str from text agree: payload, form, code points and text identity. */
class PyStrUtf8Test {
    private static final String[] TEXTS = {"é", "naïve café", "日本語のテキスト", "emoji \uD83D\uDE00 and more", "\u00ff\u0100\u07ff\u0800\uffff",
        "mixed ASCII and ünïcödé " + "x".repeat(300)};

    @Test
    void ofUtf8IsOfTheDecodedText() {
        for (String t : TEXTS) {
            byte[] src = ("'" + t + "'").getBytes(StandardCharsets.UTF_8);
            PyStr fast = PyStr.ofUtf8(src, 1, src.length - 1);
            PyStr slow = PyStr.of(t, false);
            assertArrayEquals(slow.raw(), fast.raw(), t);
            assertEquals(slow.form(), fast.form(), t);
            assertArrayEquals(slow.codePoints(), fast.codePoints(), t);
            assertEquals(t, fast.value());
            assertTrue(fast.sameText(slow) && slow.sameText(fast), t);
            assertEquals(slow.textHash(), fast.textHash(), t);
        }
    }

    @Test
    void ofKeepsLoneSurrogatesAsCodePoints() {
        String t = "a\uD800b\uDC00\uD83D\uDE00";
        assertArrayEquals(t.codePoints().toArray(), PyStr.of(t, false).codePoints());
        assertArrayEquals(t.codePoints().toArray(), PyStr.ofCodePoints(t.codePoints().toArray(), false).codePoints());
    }
}
