package org.jpyc.parse;

import java.math.BigInteger;
import org.jpyc.ast.Constant;
import org.jpyc.object.PyComplex;
import org.jpyc.object.PyFloat;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.tokenize.Token;
import org.jpyc.version.PyVersion;

/**
 * NUMBER tokens to constants, as {@code _PyPegen_number_token} and {@code parsenumber} do:
 * underscores dropped, a trailing {@code j}/{@code J} makes an imaginary complex, a {@code .} or an
 * exponent (outside hex) a float, anything else an int in base 16, 8, 2 or 10.
 */
final class NumberParser {
    private NumberParser() {
    }

    static Constant constant(Token t, String text, PyVersion version) {
        return new Constant(value(text), null, t.lineno(), t.colOffset(), t.endLineno(), t.endColOffset());
    }

    static PyObject value(String text) {
        String s = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
        char last = s.charAt(s.length() - 1);
        if (last == 'j' || last == 'J') {
            return new PyComplex(0.0, Double.parseDouble(s.substring(0, s.length() - 1)));
        }
        if (s.length() > 1 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'x') return new PyInt(new BigInteger(s.substring(2), 16));
            if (p == 'o') return new PyInt(new BigInteger(s.substring(2), 8));
            if (p == 'b') return new PyInt(new BigInteger(s.substring(2), 2));
        }
        if (s.indexOf('.') >= 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0) {
            return new PyFloat(Double.parseDouble(s));
        }
        return new PyInt(new BigInteger(s));
    }
}
