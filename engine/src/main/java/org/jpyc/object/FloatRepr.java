package org.jpyc.object;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal string that reads back as the same double
 * ({@code float_repr_style == 'short'}, {@code PyOS_double_to_string(x, 'r', 0, flags)} on top of
 * David Gay's {@code _Py_dg_dtoa} mode 0), laid out as Python/pystrtod.c does:
 * <ul>
 *   <li>digits {@code d1 d2 ... dn} and decimal point position {@code decpt} (value =
 *       {@code 0.d1...dn * 10**decpt});
 *   <li>exponent notation when {@code decpt <= -4} or {@code decpt > 16}: {@code d1[.d2...dn]e±XX},
 *       exponent with at least two digits ({@code 1e+16}, {@code 1e-05});
 *   <li>otherwise positional, with {@code .0} appended to integral values when asked
 *       ({@code Py_DTSF_ADD_DOT_0}: float repr yes, the parts of a complex repr no);
 *   <li>{@code inf}, {@code -inf}, {@code nan} (never {@code -nan}).
 * </ul>
 * Java 17's {@code Double.toString} is not always shortest and formats differently, so the digits
 * are found here: for each length p = 1..17, the two p-digit decimals next to the exact binary value
 * (its floor and ceiling at p significant digits) are read back; the first length at which one of
 * them round-trips wins, and if both do, the one nearer the exact value, an exact tie going to the
 * even last digit (mode 0's choice: {@code 967453389274914.75} prints as {@code 967453389274914.8}).
 */
public final class FloatRepr {
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    private static final double[] EXACT_POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    private FloatRepr() {}

    /** {@code repr(x)} for a Python float. */
    public static String repr(double x) {
        return format(x, true, false);
    }

    /**
     * The 'r' format with the given {@code PyOS_double_to_string} flags: {@code addDot0}
     * ({@code Py_DTSF_ADD_DOT_0}) and {@code sign} ({@code Py_DTSF_SIGN}: a {@code +} before
     * non-negative values, nan included).
     */
    public static String format(double x, boolean addDot0, boolean sign) {
        if (Double.isNaN(x)) return sign ? "+nan" : "nan";
        boolean neg = (Double.doubleToRawLongBits(x) < 0);
        StringBuilder sb = new StringBuilder(24);
        if (neg) sb.append('-');
        else if (sign) sb.append('+');
        if (Double.isInfinite(x)) return sb.append("inf").toString();
        double a = Math.abs(x);
        if (a == 0) return sb.append(addDot0 ? "0.0" : "0").toString();
        Digits d = shortest(a);
        appendLayout(sb, d.digits, d.decpt, addDot0);
        return sb.toString();
    }

    /** Shortest round-trip digits of a positive finite double. */
    record Digits(String digits, int decpt) {}

    static Digits shortest(double a) {
        BigDecimal exact = new BigDecimal(a);
        // exact = F17 * 10**e10 + r with 10**16 <= F17 < 10**17
        int lead = exact.precision() - exact.scale() - 1; // exact in [10**lead, 10**(lead+1))
        int e10 = lead - 16;
        BigDecimal scaled = exact.movePointLeft(e10);
        BigInteger floorBig = scaled.setScale(0, RoundingMode.FLOOR).unscaledValue();
        long f17 = floorBig.longValueExact();
        boolean inexact = scaled.compareTo(new BigDecimal(floorBig)) != 0;
        long c17 = inexact ? f17 + 1 : f17;
        for (int p = 1; p <= 17; p++) {
            long div = POW10[17 - p];
            int exp = e10 + 17 - p;
            long down = f17 / div;
            long up = (c17 + div - 1) / div;
            boolean downOk = down != 0 && readBack(down, exp) == a;
            boolean upOk = up != down && readBack(up, exp) == a;
            if (downOk && upOk) {
                BigDecimal dd = exact.subtract(BigDecimal.valueOf(down, -exp));
                BigDecimal du = BigDecimal.valueOf(up, -exp).subtract(exact);
                int cmp = dd.compareTo(du);
                boolean pickDown = cmp < 0 || (cmp == 0 && (down & 1) == 0);
                return digits(pickDown ? down : up, exp);
            }
            if (downOk) return digits(down, exp);
            if (upOk) return digits(up, exp);
        }
        throw new IllegalStateException("no round-trip digits for " + a); // unreachable: 17 always suffice
    }

    /** The double nearest {@code q * 10**exp} (correctly rounded). */
    private static double readBack(long q, int exp) {
        // Clinger's fast path: both q and 10**|exp| exact in a double, one correctly rounded operation
        if (q < (1L << 53)) {
            if (exp >= 0 && exp <= 22) return (double) q * EXACT_POW10[exp];
            if (exp < 0 && exp >= -22) return (double) q / EXACT_POW10[-exp];
        }
        return Double.parseDouble(q + "E" + exp);
    }

    private static Digits digits(long q, int exp) {
        while (q % 10 == 0) {
            q /= 10;
            exp++;
        }
        String s = Long.toString(q);
        return new Digits(s, exp + s.length());
    }

    private static void appendLayout(StringBuilder sb, String digits, int decpt, boolean addDot0) {
        int n = digits.length();
        if (decpt <= -4 || decpt > 16) {
            sb.append(digits.charAt(0));
            if (n > 1) sb.append('.').append(digits, 1, n);
            int e = decpt - 1;
            sb.append('e').append(e < 0 ? '-' : '+');
            int ae = Math.abs(e);
            if (ae < 10) sb.append('0');
            sb.append(ae);
        } else if (decpt <= 0) {
            sb.append("0.");
            for (int i = decpt; i < 0; i++) sb.append('0');
            sb.append(digits);
        } else if (decpt < n) {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, n);
        } else {
            sb.append(digits);
            for (int i = n; i < decpt; i++) sb.append('0');
            if (addDot0) sb.append(".0");
        }
    }
}
