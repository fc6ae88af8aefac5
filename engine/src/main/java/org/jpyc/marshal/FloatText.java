package org.jpyc.marshal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * The text form of floats in {@code 'f'} TYPE_FLOAT and {@code 'x'} TYPE_COMPLEX (formats 0 and 1):
 * written as C's {@code %.17g} ({@code PyOS_double_to_string(v, 'g', 17, 0)}), read with
 * {@code PyOS_string_to_double}'s syntax.
 */
final class FloatText {
    private FloatText() {}

    private static final Pattern SYNTAX = Pattern.compile(
            "[+-]?(?:(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|(?i:inf|infinity|nan))");

    /** Parses float text, or returns null if CPython would reject it. */
    static Double parse(String s) {
        if (!SYNTAX.matcher(s).matches()) return null;
        String body = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        boolean neg = s.startsWith("-");
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (lower.equals("nan")) return neg ? -Double.NaN : Double.NaN;
        return Double.parseDouble(s);
    }

    /** C's {@code %.17g} of {@code v}, with CPython's spellings of infinities and NaN. */
    static String format(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (Double.doubleToRawLongBits(v) < 0) ? "-0" : "0";
        BigDecimal bd = new BigDecimal(v).round(new MathContext(17, RoundingMode.HALF_EVEN));
        int exp = bd.precision() - bd.scale() - 1;
        String sign = bd.signum() < 0 ? "-" : "";
        String digits = bd.unscaledValue().abs().toString();
        // strip trailing zeros of the significant digits (the %g rule without '#')
        int n = digits.length();
        while (n > 1 && digits.charAt(n - 1) == '0') n--;
        digits = digits.substring(0, n);
        if (exp < -4 || exp >= 17) {
            StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
            if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) sb.append('0');
            return sb.append(a).toString();
        }
        StringBuilder sb = new StringBuilder(sign);
        if (exp < 0) {
            sb.append("0.");
            for (int i = -1; i > exp; i--) sb.append('0');
            sb.append(digits);
        } else if (digits.length() <= exp + 1) {
            sb.append(digits);
            for (int i = digits.length(); i <= exp; i++) sb.append('0');
        } else {
            sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return sb.toString();
    }
}
