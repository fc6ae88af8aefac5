package org.jpyc.tokenize;

import java.util.HashMap;
import java.util.Map;

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

    private static final Map<String, TokenType> BY_TEXT = new HashMap<>();

    static {
        for (TokenType t : values()) {
            if (t.text != null) BY_TEXT.put(t.text, t);
        }
        // '<>' is NOTEQUAL to the tokenizer (the parser accepts it only under barry_as_FLUFL).
        BY_TEXT.put("<>", NOTEQUAL);
    }

    /** The operator with this text, or null. */
    static TokenType operator(String text) {
        return BY_TEXT.get(text);
    }
}
