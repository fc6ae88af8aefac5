package org.jpyc.tokenize;

/**
 * The token types of CPython's C tokenizer (Grammar/Tokens), operators with their text. Names are
 * stable across versions; the numeric values CPython gives them are not, and jpyc never uses them.
 * EXCLAMATION exists from 3.12 and the FSTRING_* types from 3.12 (PEP 701); TSTRING_* from 3.14
 * (PEP 750). Before 3.12 a lone {@code !} is a generic {@link #OP}.
 */
public enum TokenType {
    ENDMARKER, NAME, NUMBER, STRING, NEWLINE, INDENT, DEDENT,
    LPAR("("), RPAR(")"), LSQB("["), RSQB("]"), COLON(":"), COMMA(","), SEMI(";"), PLUS("+"),
    MINUS("-"), STAR("*"), SLASH("/"), VBAR("|"), AMPER("&"), LESS("<"), GREATER(">"), EQUAL("="),
    DOT("."), PERCENT("%"), LBRACE("{"), RBRACE("}"), EQEQUAL("=="), NOTEQUAL("!="), LESSEQUAL("<="),
    GREATEREQUAL(">="), TILDE("~"), CIRCUMFLEX("^"), LEFTSHIFT("<<"), RIGHTSHIFT(">>"),
    DOUBLESTAR("**"), PLUSEQUAL("+="), MINEQUAL("-="), STAREQUAL("*="), SLASHEQUAL("/="),
    PERCENTEQUAL("%="), AMPEREQUAL("&="), VBAREQUAL("|="), CIRCUMFLEXEQUAL("^="),
    LEFTSHIFTEQUAL("<<="), RIGHTSHIFTEQUAL(">>="), DOUBLESTAREQUAL("**="), DOUBLESLASH("//"),
    DOUBLESLASHEQUAL("//="), AT("@"), ATEQUAL("@="), RARROW("->"), ELLIPSIS("..."),
    COLONEQUAL(":="), EXCLAMATION("!"),
    /** Any other single character the tokenizer passes on (the parser rejects it). */
    OP,
    TYPE_IGNORE, TYPE_COMMENT,
    /** {@code async} / {@code await} before 3.13. */
    ASYNC, AWAIT,
    SOFT_KEYWORD,
    FSTRING_START, FSTRING_MIDDLE, FSTRING_END,
    TSTRING_START, TSTRING_MIDDLE, TSTRING_END,
    COMMENT, NL, ERRORTOKEN, ENCODING;

    private final String text;

    TokenType() {
        this(null);
    }

    TokenType(String text) {
        this.text = text;
    }

    /** The operator's text, or null for other types. */
    public String text() {
        return text;
    }

    /** Operators by their ASCII characters: one-character, two-character (c1 * 128 + c2), three-character. */
    private static final TokenType[] ONE = new TokenType[128];
    private static final TokenType[] TWO = new TokenType[128 * 128];
    /** Three-character operators by their first two characters (c1 * 128 + c2, one operator each), and their third. */
    private static final TokenType[] THREE = new TokenType[128 * 128];
    private static final char[] THIRD = new char[128 * 128];

    static {
        for (TokenType t : values()) {
            if (t.text != null) register(t.text, t);
        }
        // '<>' is NOTEQUAL to the tokenizer (the parser accepts it only under barry_as_FLUFL).
        register("<>", NOTEQUAL);
    }

    private static void register(String text, TokenType t) {
        switch (text.length()) {
            case 1 -> ONE[text.charAt(0)] = t;
            case 2 -> TWO[text.charAt(0) * 128 + text.charAt(1)] = t;
            default -> {
                int i = text.charAt(0) * 128 + text.charAt(1);
                if (THREE[i] != null) throw new AssertionError("two three-character operators start with " + text.substring(0, 2));
                THREE[i] = t;
                THIRD[i] = text.charAt(2);
            }
        }
    }

    /** The one-character operator {@code c} (a byte of the input), or null. */
    static TokenType operator(int c) {
        return c >= 0 && c < 128 ? ONE[c] : null;
    }

    /** The two-character operator {@code c1 c2}, or null. */
    static TokenType operator(int c1, int c2) {
        return c1 >= 0 && c1 < 128 && c2 >= 0 && c2 < 128 ? TWO[c1 * 128 + c2] : null;
    }

    /** The three-character operator {@code c1 c2 c3}, or null. */
    static TokenType operator(int c1, int c2, int c3) {
        if (c1 < 0 || c1 >= 128 || c2 < 0 || c2 >= 128) return null;
        int i = c1 * 128 + c2;
        return THREE[i] != null && THIRD[i] == c3 ? THREE[i] : null;
    }
}
