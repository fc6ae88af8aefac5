package org.jpyc.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the worker protocol needs (RFC 8259): {@link #parse} turns one JSON text into
 * {@code Map<String, Object>} (insertion-ordered), {@code List<Object>}, {@code String}, {@code Long} or
 * {@code Double}, {@code Boolean} and {@code null}; {@link #quote} writes a string literal.
 */
final class Json {
    private Json() {}

    /** A JSON text that is not well formed. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message);
        }
    }

    /** One JSON value, with only whitespace around it. */
    static Object parse(String text) throws SyntaxError {
        Json.Parser p = new Json.Parser(text);
        p.skipWs();
        Object v = p.value(0);
        p.skipWs();
        if (p.pos != text.length()) throw p.error("unexpected text after the value");
        return v;
    }

    /** {@code s} as a JSON string literal; non-ASCII characters are written as they are. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i)); // a pair: one code point, written as UTF-8
                    } else if (c < 0x20 || Character.isSurrogate(c)) {
                        sb.append(String.format("\\u%04x", (int) c)); // control characters, lone surrogates
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static final int MAX_DEPTH = 256;

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        SyntaxError error(String what) {
            return new SyntaxError(what + " at offset " + pos);
        }

        SyntaxError eof() {
            return new SyntaxError("the JSON text ends before its value does");
        }

        void skipWs() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
                pos++;
            }
        }

        char peek() throws SyntaxError {
            if (pos >= s.length()) throw eof();
            return s.charAt(pos);
        }

        Object value(int depth) throws SyntaxError {
            if (depth > MAX_DEPTH) throw error("nested too deeply");
            char c = peek();
            switch (c) {
                case '{': return object(depth);
                case '[': return array(depth);
                case '"': return string();
                case 't': return literal("true", Boolean.TRUE);
                case 'f': return literal("false", Boolean.FALSE);
                case 'n': return literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return number();
                    throw error("unexpected character '" + c + "'");
            }
        }

        Object literal(String word, Object v) throws SyntaxError {
            for (int i = 0; i < word.length(); i++) {
                if (pos + i >= s.length()) {
                    pos += i;
                    throw eof();
                }
                if (s.charAt(pos + i) != word.charAt(i)) throw error("unexpected character");
            }
            pos += word.length();
            return v;
        }

        Map<String, Object> object(int depth) throws SyntaxError {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            skipWs();
            if (peek() == '}') {
                pos++;
                return m;
            }
            while (true) {
                skipWs();
                if (peek() != '"') throw error("expected a member name");
                String k = string();
                skipWs();
                if (peek() != ':') throw error("expected ':'");
                pos++;
                skipWs();
                m.put(k, value(depth + 1));
                skipWs();
                char c = peek();
                pos++;
                if (c == '}') return m;
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or '}'");
                }
            }
        }

        List<Object> array(int depth) throws SyntaxError {
            List<Object> l = new ArrayList<>();
            pos++;
            skipWs();
            if (peek() == ']') {
                pos++;
                return l;
            }
            while (true) {
                skipWs();
                l.add(value(depth + 1));
                skipWs();
                char c = peek();
                pos++;
                if (c == ']') return l;
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or ']'");
                }
            }
        }

        String string() throws SyntaxError {
            pos++; // the opening quote
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = peek();
                pos++;
                if (c == '"') return sb.toString();
                if (c < 0x20) {
                    pos--;
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = peek();
                pos++;
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        int v = 0;
                        for (int i = 0; i < 4; i++) {
                            int d = Character.digit(peek(), 16);
                            if (d < 0) throw error("bad \\u escape");
                            v = v * 16 + d;
                            pos++;
                        }
                        sb.append((char) v);
                    }
                    default -> {
                        pos--;
                        throw error("bad escape '\\" + e + "'");
                    }
                }
            }
        }

        Object number() throws SyntaxError {
            int start = pos;
            if (peek() == '-') pos++;
            if (peek() == '0') {
                pos++;
            } else {
                digits();
            }
            boolean integral = true;
            if (pos < s.length() && s.charAt(pos) == '.') {
                integral = false;
                pos++;
                digits();
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                integral = false;
                pos++;
                if (peek() == '+' || peek() == '-') pos++;
                digits();
            }
            String t = s.substring(start, pos);
            if (integral) {
                try {
                    return Long.parseLong(t);
                } catch (NumberFormatException e) {
                    // beyond a long: keep it as a double, which the callers reject as out of range
                }
            }
            return Double.parseDouble(t);
        }

        void digits() throws SyntaxError {
            char c = peek();
            if (c < '0' || c > '9') throw error("expected a digit");
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') pos++;
        }
    }
}
