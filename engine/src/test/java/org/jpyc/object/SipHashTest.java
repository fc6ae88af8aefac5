package org.jpyc.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SipHashTest {
    private static final long K0 = 0x0706050403020100L; // key bytes 00..0f, little-endian words
    private static final long K1 = 0x0f0e0d0c0b0a0908L;

    @Test
    void paperTestVector() {
        // Appendix A of "SipHash: a fast short-input PRF": key 00..0f, message 00..0e.
        byte[] msg = new byte[15];
        for (int i = 0; i < msg.length; i++) msg[i] = (byte) i;
        assertEquals(0xa129ca6149be45e5L, SipHash.hash(2, 4, K0, K1, msg, 0, msg.length));
    }

    @Test
    void offsetAndLengthSelectTheSameBytes() {
        Random r = new Random(7);
        for (int len = 0; len < 40; len++) {
            byte[] data = new byte[len + 10];
            r.nextBytes(data);
            byte[] slice = Arrays.copyOfRange(data, 3, 3 + len);
            assertEquals(SipHash.hash(1, 3, K0, K1, slice, 0, len), SipHash.hash(1, 3, K0, K1, data, 3, len));
        }
    }

    @Test
    void roundCountsAndLengthMatter() {
        byte[] msg = "abcdefgh".getBytes();
        assertNotEquals(SipHash.hash(1, 3, 0, 0, msg, 0, 8), SipHash.hash(2, 4, 0, 0, msg, 0, 8));
        // the length byte distinguishes trailing zero bytes
        assertNotEquals(SipHash.hash(1, 3, 0, 0, new byte[1], 0, 1), SipHash.hash(1, 3, 0, 0, new byte[2], 0, 2));
    }
}
