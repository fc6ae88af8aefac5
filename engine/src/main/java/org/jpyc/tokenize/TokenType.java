package org.jpyc.tokenize;

import java.util.ArrayList;
import java.util.List;

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
    private static final List<String> THREE_TEXTS = new ArrayList<>();
    private static final List<TokenType> THREE_TYPES = new ArrayList<>();

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
                THREE_TEXTS.add(text);
                THREE_TYPES.add(t);
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
        for (int i = 0; i < THREE_TEXTS.size(); i++) {
            String s = THREE_TEXTS.get(i);
            if (s.charAt(0) == c1 && s.charAt(1) == c2 && s.charAt(2) == c3) return THREE_TYPES.get(i);
        }
        return null;
    }
}
