package org.jpyc.pyc;

/** Python's {@code repr()} of str and bytes and {@code str.isalnum()}, for importlib's messages. */
public final class PyText {
    private PyText() {}

    /** {@code repr(s)} of a Python str. */
    public static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') sb.append('\\').appendCodePoint(cp);
            else if (cp == '\t') sb.append("\\t");
            else if (cp == '\n') sb.append("\\n");
            else if (cp == '\r') sb.append("\\r");
            else if (cp < 0x20 || cp == 0x7f) sb.append(String.format("\\x%02x", cp));
            else if (cp < 0x7f || printable(cp)) sb.appendCodePoint(cp);
            else if (cp < 0x100) sb.append(String.format("\\x%02x", cp));
            else if (cp < 0x10000) sb.append(String.format("\\u%04x", cp));
            else sb.append(String.format("\\U%08x", cp));
        });
        return sb.append(quote).toString();
    }

    /** {@code repr(b)} of Python bytes. */
    static String repr(byte[] b) {
        boolean single = false, dbl = false;
        for (byte x : b) {
            single |= x == '\'';
            dbl |= x == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder sb = new StringBuilder("b").append(quote);
        for (byte x : b) {
            int c = x & 0xFF;
            if (c == quote || c == '\\') sb.append('\\').append((char) c);
            else if (c == '\t') sb.append("\\t");
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c < 0x20 || c >= 0x7f) sb.append(String.format("\\x%02x", c));
            else sb.append((char) c);
        }
        return sb.append(quote).toString();
    }

    /** {@code str.isprintable()} of one code point (Unicode categories C* and Z* except space are not). */
    private static boolean printable(int cp) {
        if (cp == ' ') return true;
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** {@code s.isalnum()}: non-empty and every code point a letter (L*) or numeric (Nd, Nl, No). */
    static boolean isAlnum(String s) {
        if (s.isEmpty()) return false;
        return s.codePoints().allMatch(cp -> Character.isLetter(cp) || switch (Character.getType(cp)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        });
    }
}
