package org.jpyc.parse;

import java.math.BigInteger;
import org.jpyc.object.PyComplex;
import org.jpyc.object.PyFloat;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.version.PyVersion;

/**
 * NUMBER tokens to constants, as {@code _PyPegen_number_token} and {@code parsenumber} do:
 * underscores dropped, a trailing {@code j}/{@code J} makes an imaginary complex, a {@code .} or an
 * exponent (outside hex) a float, anything else an int in base 16, 8, 2 or 10.
 */
final class NumberParser {
    private NumberParser() {
    }

    /** {@code sys.int_info.default_max_str_digits}: decimal int literals longer than this are refused. */
    static final int INT_MAX_STR_DIGITS = 4300;

    /**
     * The digits {@code PyLong_FromString} counts for a decimal int literal (underscores left out), or 0
     * for any other number (hex, octal, binary, float, imaginary, zero).
     */
    static int decimalDigits(String text) {
        if (text.isEmpty() || text.charAt(0) < '1' || text.charAt(0) > '9') return 0; // a prefix, a zero or ".5"
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') n++;
            else if (c != '_') return 0; // '.', 'e', 'j': not an int
        }
        return n;
    }

    /** The ValueError message of {@code PyLong_FromString} for too many digits (3.10 backport: no "digits" after the limit). */
    static String tooManyDigits(int digits, PyVersion version) {
        String limit = version.has(org.jpyc.version.Feature.INT_DIGIT_LIMIT_SAYS_DIGITS) ? "(" + INT_MAX_STR_DIGITS + " digits)" : "(" + INT_MAX_STR_DIGITS + ")";
        return "Exceeds the limit " + limit + " for integer string conversion: value has " + digits
                + " digits; use sys.set_int_max_str_digits() to increase the limit";
    }

    static PyObject value(String text) {
        String s = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
        char last = s.charAt(s.length() - 1);
        if (last == 'j' || last == 'J') {
            return new PyComplex(0.0, Double.parseDouble(s.substring(0, s.length() - 1)));
        }
        if (s.length() > 1 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'x') return intOf(s, 2, 16, 15);
            if (p == 'o') return intOf(s, 2, 8, 21);
            if (p == 'b') return intOf(s, 2, 2, 63);
        }
        if (s.indexOf('.') >= 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0) {
            return new PyFloat(Double.parseDouble(s));
        }
        return intOf(s, 0, 10, 18);
    }

    /**
     * The int an int literal's digits from {@code from} spell in {@code radix}: parsed as a long when
     * there are at most {@code longDigits} of them (so many always fit), else as a BigInteger.
     */
    private static PyInt intOf(String s, int from, int radix, int longDigits) {
        if (s.length() - from <= longDigits) return PyInt.of(Long.parseLong(s, from, s.length(), radix));
        return new PyInt(new BigInteger(s.substring(from), radix));
    }
}
