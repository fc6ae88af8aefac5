package org.jpyc.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the shortest round-trip repr; equality with CPython is checked in conformance. */
class FloatReprTest {
    private static double[] samples() {
        Random r = new Random(42);
        double[] out = new double[20000];
        for (int i = 0; i < out.length; i++) {
            double d;
            switch (i % 4) {
                case 0 -> d = Double.longBitsToDouble(r.nextLong());
                case 1 -> d = r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
                case 2 -> d = Math.round(r.nextDouble() * 1e6) / 1e3;
                default -> d = Double.longBitsToDouble(r.nextLong() & 0x000FFFFFFFFFFFFFL); // subnormal
            }
            if (Double.isNaN(d) || Double.isInfinite(d)) d = 1.5;
            out[i] = d;
        }
        return out;
    }

    @Test
    void readsBackAsTheSameDouble() {
        for (double d : samples()) {
            String s = FloatRepr.repr(d);
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(Double.parseDouble(s)), s);
        }
    }

    @Test
    void noShorterDigitStringReadsBack() {
        for (double d : samples()) {
            if (d == 0) continue;
            FloatRepr.Digits digits = FloatRepr.shortest(Math.abs(d));
            int n = digits.digits().length();
            if (n == 1) continue;
            BigDecimal exact = new BigDecimal(Math.abs(d));
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal shorter = exact.round(new MathContext(n - 1, mode));
                assertNotEquals(Math.abs(d), shorter.doubleValue(), d + " has a shorter repr " + shorter);
            }
        }
    }

    @Test
    void layoutFollowsDecimalPointPosition() {
        for (double d : samples()) {
            if (d == 0) continue;
            FloatRepr.Digits digits = FloatRepr.shortest(Math.abs(d));
            String s = FloatRepr.repr(d);
            boolean exponent = digits.decpt() <= -4 || digits.decpt() > 16;
            assertEquals(exponent, s.indexOf('e') >= 0, s);
            if (!exponent) assertTrue(s.indexOf('.') >= 0, s);
            assertEquals(d < 0, s.startsWith("-"), s);
        }
    }

    @Test
    void signFlagAndDotZero() {
        assertTrue(FloatRepr.format(2.0, false, true).startsWith("+"));
        assertEquals(FloatRepr.format(2.0, false, false) + ".0", FloatRepr.format(2.0, true, false));
        assertEquals(FloatRepr.format(Double.NaN, false, false), FloatRepr.format(-Double.NaN, false, false));
    }
}
