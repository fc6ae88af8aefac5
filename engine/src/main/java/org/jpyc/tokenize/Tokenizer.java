package org.jpyc.tokenize;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.source.DecodedSource;
import org.jpyc.source.PyCompileError;
import org.jpyc.source.Utf8;
import org.jpyc.util.AsciiScan;
import org.jpyc.util.LittleEndian;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * CPython's C tokenizer (Parser/tokenizer.c, Parser/lexer/lexer.c since 3.13) over decoded source,
 * producing the token stream the parser sees: no COMMENT or NL tokens, NEWLINE only at the end of
 * logical lines outside brackets, INDENT/DEDENT from a stack of columns (tabs to multiples of 8,
 * checked against tabs of width 1 for "inconsistent use of tabs and spaces"), and in 3.12+ f-strings
 * (3.14+ also t-strings) split into START/MIDDLE/END tokens around their expressions.
 *
 * <p>The tokenizer reads the UTF-8 input byte by byte, as CPython does: token columns are byte
 * offsets. Limits are CPython's: 100 indentation levels, 200 nested brackets, 150 nested f-strings,
 * f-string expressions nested 3 deep. Errors are thrown as {@link PyCompileError} with the type,
 * message and position {@code ast.parse} reports for them.
 */
public final class Tokenizer {
    private static final int EOF = -1;
    private static final int TABSIZE = 8;
    private static final int ALTTABSIZE = 1;
    private static final int MAXINDENT = 100;
    private static final int MAXLEVEL = 200;
    private static final int MAXFSTRINGLEVEL = 150;
    private static final int MAX_EXPR_NESTING = 3;

    private final byte[] buf;
    private final LexerRules rules;
    private final UnicodeIdentifiers unicode;

    // ---- input position (tok->cur, tok->inp, tok->buf, tok->line_start) ----
    private int cur;
    private int inp;
    private int lineBuf;
    private int lineStart;
    private int lineno;
    private int startingColOffset = -1;
    private boolean atEof;
    /** tok->start: the start of the current token, -1 for NULL. */
    private int tokStart = -1;

    // ---- indentation ----
    private boolean atbol = true;
    private int pendin;
    private int indent;
    private final int[] indstack = new int[MAXINDENT];
    private final int[] altindstack = new int[MAXINDENT];

    // ---- brackets ----
    private int level;
    private final char[] parenstack = new char[MAXLEVEL];
    private final int[] parenlinenostack = new int[MAXLEVEL];
    private final int[] parencolstack = new int[MAXLEVEL];
    private final int[] parenlinestartstack = new int[MAXLEVEL];

    // ---- string literals ----
    private int firstLineno;
    private int multiLineStart;

    // ---- f-string modes (tok_mode_stack) ----
    private final Mode[] modes = new Mode[MAXFSTRINGLEVEL];
    private int modeIndex;

    /** One entry of the f-string mode stack. */
    private static final class Mode {
        boolean fstringMode;
        boolean template;
        int quote;
        int quoteSize;
        boolean raw;
        int start;
        int multiLineStart;
        int lineStartLineno;
        int curlyDepth;
        int curlyExprStartDepth = -1;
        boolean debug;
        boolean inFormatSpec;
    }

    public Tokenizer(DecodedSource source, PyVersion version) {
        this.buf = source.utf8();
        this.lineEnds = source.lineEnds();
        this.lineCount = source.lineEnds() == null ? 0 : source.lineCount();
        this.rules = LexerRules.of(version);
        this.errorColumnsInChars = version.has(Feature.PARSER_ERROR_COLUMNS_ALWAYS_IN_CHARS) || source.declaresEncoding();
        this.source = source;
        this.readsUndecodedErrorLines = errorColumnsInChars && version.has(Feature.ERROR_LINE_BEFORE_REENCODING)
                && source.undecoded() != null;
        this.unicode = UnicodeIdentifiers.forVersion(version);
        this.modes[0] = new Mode();
    }

    /** The input the tokens point into. */
    public byte[] input() {
        return buf;
    }

    /**
     * {@code tok->buf}: where the tokenizer's current buffer starts, an offset into {@link #input}. It moves to
     * each new line read while no token is in progress, so after a token that spans lines (a triple-quoted
     * string) or a backslash continuation it is still the start of the first of those lines.
     */
    public int bufferStart() {
        return lineBuf;
    }

    /** Every token up to and including ENDMARKER. */
    public List<Token> tokenizeAll() {
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = next();
            out.add(t);
        } while (t.type() != TokenType.ENDMARKER);
        return out;
    }

    /** {@code tok_mode_stack_index}: how many f-strings (3.12+) the tokenizer is inside; 0 outside. */
    public int fstringDepth() {
        return modeIndex;
    }

    /** The next token. */
    public Token next() {
        TokenType t = advance();
        return new Token(t, tokStartOut, tokEndOut, tokLinenoOut, tokColOut, tokEndLinenoOut, tokEndColOut,
                tokLevelOut, tokLineStartOut, tokEndLineStartOut);
    }

    /**
     * Reads the next token without making a {@link Token} of it: its type, and its fields through
     * {@link #tokenStart} and the other {@code token*} accessors until the next call (the parser's
     * per-token arrays take them from there).
     */
    public TokenType advance() {
        Mode m = modes[modeIndex];
        return m.fstringMode ? fstringMode(m) : normalMode(m);
    }

    // =========================================================================================
    // Reading characters
    // =========================================================================================

    /**
     * {@code tok_nextc}: the next byte, or EOF. Small enough for the batch JVM's C1 to inline; reading
     * the next line is {@link #nextLine}. CPython's {@code tok->col_offset}, which every read and
     * backup moves by one and a new line resets, is always {@code cur - lineStart} here (see {@link #colOffset()}).
     */
    private int nextc() {
        int p = cur;
        if (p == inp) return nextLine();
        cur = p + 1;
        return Byte.toUnsignedInt(buf[p]); // (not & 0xff: one bytecode less, within C1's 35)
    }

    /** {@link #nextc()} at the end of the line read so far: reads the next line, or returns EOF. */
    private int nextLine() {
        while (true) {
            if (cur != inp) return buf[cur++] & 0xff;
            if (atEof) return EOF;
            if (inp >= buf.length) {
                atEof = true;
                cur = inp;
                return EOF;
            }
            int e;
            if (linesRead < lineCount) {
                // the line's end as the decoder found it
                e = lineEnds[linesRead++] + 1;
            } else {
                // (locals: C1 does not keep a field in a register across a loop)
                byte[] b = buf;
                int n = b.length;
                e = inp;
                while (e < n && b[e] != '\n') e++;
                if (e < n) e++;
            }
            lineno++;
            if (tokStart < 0) lineBuf = cur;
            lineStart = cur;
            inp = e;
        }
    }

    /** The ends of the lines of {@link #buf} ({@link DecodedSource#lineEnds}; none: {@link #nextLine} scans), and how many {@link #nextLine} has read. */
    private final int[] lineEnds;
    private final int lineCount;
    private int linesRead;

    /** {@code tok->col_offset}: the bytes read on the current line. */
    private int colOffset() {
        return cur - lineStart;
    }

    /**
     * Moves the position over the bytes of the current line from {@code p} that are none of
     * {@code a}, {@code b}, {@code c}, as that many {@link #nextc()} calls would; whether it moved.
     */
    private boolean skipInLine(int p, byte a, byte b, byte c) {
        int start = p;
        int end = inp;
        byte[] in = buf;
        // eight bytes a step while none of them is a, b or c (long strings and comments: docstrings are much of a source)
        if (p + 8 <= end) {
            long ma = (a & 0xFFL) * 0x0101010101010101L;
            long mb = (b & 0xFFL) * 0x0101010101010101L;
            long mc = (c & 0xFFL) * 0x0101010101010101L;
            do {
                long w = LittleEndian.longAt(in, p);
                if ((AsciiScan.zeroBytes(w ^ ma) | AsciiScan.zeroBytes(w ^ mb) | AsciiScan.zeroBytes(w ^ mc)) != 0) break;
                p += 8;
            } while (p + 8 <= end);
        }
        while (p < end) {
            byte x = in[p];
            if (x == a || x == b || x == c) break;
            p++;
        }
        if (p == start) return false;
        cur = p;
        return true;
    }

    private void backup(int c) {
        if (c != EOF) cur--;
    }

    /** By byte: an ASCII letter, digit or underscore. */
    private static final boolean[] ASCII_IDENTIFIER = new boolean[256];
    /** By {@link #nextc()} result + 1 (EOF is -1): whether it may start (continue) an identifier; bytes >= 128 may. */
    private static final boolean[] IDENTIFIER_START = new boolean[257];
    private static final boolean[] IDENTIFIER_CHAR = new boolean[257];

    static {
        for (int c = 0; c < 256; c++) {
            boolean start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
            IDENTIFIER_START[c + 1] = start;
            IDENTIFIER_CHAR[c + 1] = start || (c >= '0' && c <= '9');
            if (c < 128) ASCII_IDENTIFIER[c] = IDENTIFIER_CHAR[c + 1];
        }
    }

    /** A letter, underscore or non-ASCII byte ({@code is_potential_identifier_start}); {@code c} is a byte or EOF. */
    private static boolean isIdentifierStart(int c) {
        return IDENTIFIER_START[c + 1];
    }

    /** {@code is_potential_identifier_char}; {@code c} is a byte or EOF. */
    private static boolean isIdentifierChar(int c) {
        return IDENTIFIER_CHAR[c + 1];
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isXDigit(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    // =========================================================================================
    // Tokens and errors
    // =========================================================================================

    private boolean isStringLiteral(TokenType t) {
        return t == TokenType.STRING || t == TokenType.FSTRING_MIDDLE || t == TokenType.TSTRING_MIDDLE;
    }

    /**
     * Ends a token: its fields become the ones {@link #advance} reports (the parser copies them into
     * its per-token arrays; {@link #next} makes them a {@link Token}).
     */
    private TokenType make(TokenType type, int pStart, int pEnd) {
        boolean lit = isStringLiteral(type);
        int col = -1;
        int endCol = -1;
        int ls = lit ? multiLineStart : lineStart;
        if (pStart >= 0) {
            col = rules.trackedColumns() ? startingColOffset : pStart - ls;
            endCol = rules.trackedColumns() ? colOffset() : pEnd - lineStart;
        }
        tokStartOut = pStart;
        tokEndOut = pEnd;
        tokLinenoOut = lit ? firstLineno : lineno;
        tokColOut = col;
        tokEndColOut = endCol;
        tokLineStartOut = ls;
        tokEndLinenoOut = lineno;
        tokLevelOut = level;
        tokEndLineStartOut = lineStart;
        return type;
    }

    // ---- the token advance() ended: its type and position (as the fields of a Token) ----
    private int tokStartOut;
    private int tokEndOut;
    private int tokLinenoOut;
    private int tokColOut;
    private int tokEndColOut;
    private int tokLineStartOut;
    private int tokEndLinenoOut;
    private int tokLevelOut;
    private int tokEndLineStartOut;
    private int tokNameHashOut;

    /** {@code tok->cur}: where the tokenizer stands, after the last token read (the input's end once it met EOF). */
    public int cursor() {
        return cur;
    }

    /** {@code tok->line_start}: the start of the line the tokenizer stands on. */
    public int cursorLineStart() {
        return lineStart;
    }

    /** The last token's {@link Token#start()}. */
    public int tokenStart() {
        return tokStartOut;
    }

    /** The last token's {@link Token#end()}. */
    public int tokenEnd() {
        return tokEndOut;
    }

    /** The last token's {@link Token#lineno()}. */
    public int tokenLineno() {
        return tokLinenoOut;
    }

    /** The last token's {@link Token#colOffset()}. */
    public int tokenColOffset() {
        return tokColOut;
    }

    /** The last token's {@link Token#endLineno()}. */
    public int tokenEndLineno() {
        return tokEndLinenoOut;
    }

    /** The last token's {@link Token#endColOffset()}. */
    public int tokenEndColOffset() {
        return tokEndColOut;
    }

    /** The last token's {@link Token#level()}. */
    public int tokenLevel() {
        return tokLevelOut;
    }

    /** The last token's {@link Token#lineStart()}. */
    public int tokenLineStart() {
        return tokLineStartOut;
    }

    /** The last token's {@link Token#endLineStart()}. */
    public int tokenEndLineStart() {
        return tokEndLineStartOut;
    }

    /**
     * The last NAME token's bytes hashed as {@link String#hashCode} hashes their Latin-1 string
     * ({@code 31 * h + byte}, bytes signed), computed while the name was scanned so that the parser's
     * identifier table need not read the bytes again. Meaningful only right after a NAME (for an
     * ASCII name; a non-ASCII one gets some value).
     */
    public int tokenNameHash() {
        return tokNameHashOut;
    }

    /** {@code _PyTokenizer_syntaxerror}: at the current position, offset = characters up to it. */
    private PyCompileError syntaxError(String msg) {
        int col = Token.charsBetween(buf, lineStart, cur);
        return new PyCompileError("SyntaxError", msg, lineno, col, lineno, col, cur).lineFromTokenizer();
    }

    /**
     * {@code _PyTokenizer_syntaxerror_known_range}: 1-based byte columns on the current line, reported as
     * they are, or from 3.15 as the characters of the line up to them ({@link LexerRules#knownRangeInChars}).
     */
    private PyCompileError syntaxErrorRange(String msg, int col, int endCol) {
        if (rules.knownRangeInChars()) {
            col = Token.charsBetween(buf, lineStart, lineStart + col);
            endCol = Token.charsBetween(buf, lineStart, lineStart + endCol);
        }
        return new PyCompileError("SyntaxError", msg, lineno, col, lineno, endCol, cur).lineFromTokenizer();
    }

    /**
     * Whether pegen reports the columns of the errors it places in characters, its own and those it raises for
     * this tokenizer (the ones {@link #pegenOffset} places): from 3.13 always; before, only where the tokenizer
     * knew the source's encoding ({@code tok->encoding}: a BOM or a coding cookie;
     * {@link Feature#PARSER_ERROR_COLUMNS_ALWAYS_IN_CHARS}).
     */
    private final boolean errorColumnsInChars;

    /** The decoded source (for {@link DecodedSource#undecodedLineAsUtf8}). */
    private final DecodedSource source;
    /**
     * Whether pegen counts the columns of an error on a line the tokenizer has left on that line before
     * re-encoding ({@link DecodedSource#undecodedLineAsUtf8}, {@link Feature#ERROR_LINE_BEFORE_REENCODING}):
     * columns in characters, a source re-encoded from a declared encoding, and a version that reads it there.
     */
    private final boolean readsUndecodedErrorLines;

    /** {@link #errorColumnsInChars}, for the parser's own errors. */
    public boolean errorColumnsInChars() {
        return errorColumnsInChars;
    }

    /**
     * Line {@code lineno} as pegen reads it before re-encoding ({@link DecodedSource#undecodedLineAsUtf8}) where
     * {@link #readsUndecodedErrorLines} holds, else null; the caller asks only for a line the tokenizer has left.
     * For the parser's own errors and for {@link #unclosedBracketError}.
     */
    public byte[] undecodedLine(int lineno) {
        return readsUndecodedErrorLines ? source.undecodedLineAsUtf8(lineno) : null;
    }

    /**
     * The offset the parser reports for a 1-based byte column {@code col1} on the line starting at
     * {@code ls}: unchanged before 3.13 unless the source declares its encoding (see
     * {@link #errorColumnsInChars}); otherwise the length of the first {@code col1} bytes of the
     * line decoded (CPython clamps to the line length + 1, and the extra byte it then reads is the
     * terminating NUL, which counts as one character). The bytes counted are those of pegen's error line, the
     * line decoded with {@code errors='replace'} and encoded again ({@code PyUnicode_AsUTF8}): on a line that is
     * not valid UTF-8 (which reaches the tokenizer until 3.13), each invalid sequence there is the three bytes of
     * U+FFFD, so the column counts other characters than the source's bytes would.
     */
    private int pegenOffset(int ls, int col1) {
        if (!errorColumnsInChars || col1 <= 0) return col1;
        int le = ls;
        while (le < buf.length && buf[le] != '\n') le++;
        if (le < buf.length) le++;
        // (only errors get here: the copy costs nothing on the tokens' path, and a valid line comes back unchanged)
        String decoded = new String(buf, ls, le - ls, java.nio.charset.StandardCharsets.UTF_8);
        return Token.charsOnLine(decoded.getBytes(java.nio.charset.StandardCharsets.UTF_8), col1);
    }

    /** {@code RAISE_ERROR_KNOWN_LOCATION(lineno, byteCol, lineno, -1)} on the current line. */
    private PyCompileError knownLocation(String type, String msg, int byteCol) {
        return new PyCompileError(type, msg, lineno, pegenOffset(lineStart, byteCol + 1), lineno, 0, lineStart + byteCol);
    }

    /** {@code _PyPegen_raise_error} at the ERRORTOKEN (no position): the column is where the tokenizer stopped. */
    private PyCompileError atStop(String type, String msg) {
        int col = cur == lineBuf ? 0 : cur - lineStart;
        return new PyCompileError(type, msg, lineno, pegenOffset(lineStart, col), lineno, -1, cur);
    }

    private PyCompileError tabError() {
        cur = inp;
        return knownLocation("TabError", "inconsistent use of tabs and spaces in indentation", 0);
    }

    // =========================================================================================
    // Regular mode
    // =========================================================================================

    private int continuationLine() {
        int c = nextc();
        if (c == '\r') c = nextc();
        if (c != '\n') {
            // E_LINECONT: the parser reports cur - buf - 1, where buf is the start of the line on which
            // the current token began (a continuation inside a token does not move it)
            int col = cur - lineBuf - 1;
            throw new PyCompileError("SyntaxError", "unexpected character after line continuation character",
                    lineno, pegenOffset(lineStart, col + 1), lineno, 0, cur - 1);
        }
        c = nextc();
        if (c == EOF) {
            cur = inp;
            throw eofError();
        }
        backup(c);
        return c;
    }

    /** E_EOF: unclosed brackets or an unexpected end of input. */
    private PyCompileError eofError() {
        PyCompileError unclosed = unclosedBracketError();
        return unclosed != null ? unclosed : atStop("SyntaxError", "unexpected EOF while parsing");
    }

    /**
     * {@code raise_unclosed_parentheses_error} (Parser/pegen_errors.c): "'X' was never closed" at the innermost
     * bracket open now, or null when none is.
     */
    public PyCompileError unclosedBracketError() {
        if (level == 0) return null;
        int l = level - 1;
        int ls = parenlinestartstack[l];
        // the bracket's line, when the tokenizer has left it, is read before re-encoding, as the parser reads its errors' lines
        byte[] undecodedLine = parenlinenostack[l] < lineno ? undecodedLine(parenlinenostack[l]) : null;
        int col = undecodedLine != null ? Token.charsOnLine(undecodedLine, parencolstack[l] + 1)
                : pegenOffset(ls, parencolstack[l] + 1);
        return new PyCompileError("SyntaxError", "'" + parenstack[l] + "' was never closed",
                parenlinenostack[l], col, parenlinenostack[l], 0, ls + parencolstack[l]);
    }

    private TokenType normalMode(Mode current) {
        int c;
        boolean blankline;
        int pStart = -1;
        int pEnd = -1;
        nextline:
        while (true) {
            tokStart = -1;
            startingColOffset = -1;
            blankline = false;

            if (atbol) {
                int col = 0;
                int altcol = 0;
                atbol = false;
                int contLineCol = 0;
                while (true) {
                    c = nextc();
                    if (c == ' ') {
                        // with the spaces after it on this line, as that many nextc() calls would read them
                        int p = cur;
                        int end = inp;
                        byte[] in = buf;
                        while (p < end && in[p] == ' ') p++;
                        col += p - cur + 1;
                        altcol += p - cur + 1;
                        cur = p;
                    } else if (c == '\t') {
                        col = (col / TABSIZE + 1) * TABSIZE;
                        altcol = (altcol / ALTTABSIZE + 1) * ALTTABSIZE;
                    } else if (c == '\f') {
                        col = altcol = 0;
                    } else if (c == '\\') {
                        contLineCol = contLineCol != 0 ? contLineCol : col;
                        c = continuationLine();
                    } else {
                        break;
                    }
                }
                backup(c);
                if (c == '#' || c == '\n' || c == '\r') {
                    blankline = true;
                }
                if (!blankline && level == 0) {
                    col = contLineCol != 0 ? contLineCol : col;
                    altcol = contLineCol != 0 ? contLineCol : altcol;
                    if (col == indstack[indent]) {
                        if (altcol != altindstack[indent]) throw tabError();
                    } else if (col > indstack[indent]) {
                        if (indent + 1 >= MAXINDENT) {
                            cur = inp;
                            throw knownLocation("IndentationError", "too many levels of indentation", 0);
                        }
                        if (altcol <= altindstack[indent]) throw tabError();
                        pendin++;
                        indstack[++indent] = col;
                        altindstack[indent] = altcol;
                    } else {
                        while (indent > 0 && col < indstack[indent]) {
                            pendin--;
                            indent--;
                        }
                        if (col != indstack[indent]) {
                            cur = inp;
                            throw atStop("IndentationError", "unindent does not match any outer indentation level");
                        }
                        if (altcol != altindstack[indent]) throw tabError();
                    }
                }
            }

            tokStart = cur;
            startingColOffset = colOffset();

            if (pendin != 0) {
                if (pendin < 0) {
                    pendin++;
                    return make(TokenType.DEDENT, -1, -1);
                }
                pendin--;
                return make(TokenType.INDENT, -1, -1);
            }

            c = nextc();
            backup(c);

            again:
            while (true) {
                tokStart = -1;
                do {
                    c = nextc();
                } while (c == ' ' || c == '\t' || c == '\f');
                tokStart = cur - 1;
                startingColOffset = colOffset() - 1;

                if (c == '#') {
                    // The rest of the line, as nextc() would read it up to the newline.
                    skipInLine(cur, (byte) '\n', (byte) '\r', (byte) '\n');
                    c = nextc();
                    while (c != EOF && c != '\n' && c != '\r') c = nextc();
                }

                if (c == EOF) {
                    if (level > 0) throw eofError();
                    return make(TokenType.ENDMARKER, -1, -1);
                }

                if (isIdentifierStart(c)) return nameOrPrefixedString(c);

                if (c == '\r') c = nextc();

                if (c == '\n') {
                    atbol = true;
                    if (blankline || level > 0) continue nextline;
                    return make(TokenType.NEWLINE, tokStart, cur - 1);
                }

                if (c == '.') {
                    c = nextc();
                    if (isDigit(c)) return number(c, NumberEntry.FRACTION);
                    if (c == '.') {
                        c = nextc();
                        if (c == '.') return make(TokenType.ELLIPSIS, tokStart, cur);
                        backup(c);
                        backup('.');
                    } else {
                        backup(c);
                    }
                    return make(TokenType.DOT, tokStart, cur);
                }

                if (isDigit(c)) return number(c, NumberEntry.START);

                if (c == '\'' || c == '"') return stringLiteral(c);

                if (c == '\\') {
                    continuationLine();
                    continue again;
                }
                return operator(c, current);
            }
        }
    }

    /**
     * The identifier branch of {@code tok_get}: a NAME, or a string literal after its prefix letters
     * ({@code c} is the identifier's first byte, already read). Its own method: the hottest path of the
     * tokenizer, compiled apart from the rest of {@link #normalMode}.
     */
    private TokenType nameOrPrefixedString(int c) {
        if (rules.prefixLettersAnyOrder()) return nameOrPrefixedString314(c);
        boolean sawB = false;
        boolean sawR = false;
        boolean sawU = false;
        boolean sawF = false;
        boolean sawT = false;
        while (true) {
            if (!(sawB || sawU || sawF || sawT) && (c == 'b' || c == 'B')) {
                sawB = true;
            } else if (!(sawB || sawU || sawR || sawF || sawT) && (c == 'u' || c == 'U')) {
                sawU = true;
            } else if (!(sawR || sawU) && (c == 'r' || c == 'R')) {
                sawR = true;
            } else if (!(sawF || sawB || sawU || sawT) && (c == 'f' || c == 'F')) {
                sawF = true;
            } else if (rules.tstrings() && !(sawT || sawB || sawU || sawF) && (c == 't' || c == 'T')) {
                sawT = true;
            } else {
                break;
            }
            c = nextc();
            if (c == '"' || c == '\'') {
                if ((sawF || sawT) && rules.fstringTokens()) return fstringStart(c);
                return stringLiteral(c);
            }
        }
        return nameTail(c);
    }

    /**
     * {@link #nameOrPrefixedString} from 3.14 (lexer.c): each of the letters b, u, r, f, t is taken once in
     * any order; at a quote, an invalid combination is a SyntaxError from the prefix's first byte to the
     * quote, byte columns as {@code _PyTokenizer_syntaxerror_known_range} takes them.
     */
    private TokenType nameOrPrefixedString314(int c) {
        boolean sawB = false;
        boolean sawR = false;
        boolean sawU = false;
        boolean sawF = false;
        boolean sawT = false;
        while (true) {
            if (!sawB && (c == 'b' || c == 'B')) {
                sawB = true;
            } else if (!sawU && (c == 'u' || c == 'U')) {
                sawU = true;
            } else if (!sawR && (c == 'r' || c == 'R')) {
                sawR = true;
            } else if (!sawF && (c == 'f' || c == 'F')) {
                sawF = true;
            } else if (!sawT && (c == 't' || c == 'T')) {
                sawT = true;
            } else {
                break;
            }
            c = nextc();
            if (c == '"' || c == '\'') {
                String clash = sawU && sawB ? "'u' and 'b'" : sawU && sawR ? "'u' and 'r'" : sawU && sawF ? "'u' and 'f'"
                        : sawU && sawT ? "'u' and 't'" : sawB && sawF ? "'b' and 'f'" : sawB && sawT ? "'b' and 't'"
                        : sawF && sawT ? "'f' and 't'" : null;
                if (clash != null) {
                    throw syntaxErrorRange(clash + " prefixes are incompatible", tokStart + 1 - lineStart, cur - lineStart);
                }
                if (sawF || sawT) return fstringStart(c);
                return stringLiteral(c);
            }
        }
        return nameTail(c);
    }

    /** The rest of a NAME whose first bytes (string prefix letters, if any) are read; {@code c} is the next byte. */
    private TokenType nameTail(int c) {
        boolean nonascii = false;
        // The name's hash (String's, 31 * h + byte) as it is read, for the parser's identifier table.
        int h = 0;
        int head = c == EOF ? cur : cur - 1; // the string prefix letters read before c, if any
        for (int q = tokStart; q < head; q++) h = 31 * h + buf[q];
        while (isIdentifierChar(c)) {
            h = 31 * h + (byte) c;
            if (c >= 128) nonascii = true;
            // The ASCII identifier characters after it on this line, as nextc() would read them.
            int p = cur;
            int end = inp;
            byte[] in = buf;
            boolean[] ascii = ASCII_IDENTIFIER;
            byte b;
            while (p < end && ascii[(b = in[p]) & 0xff]) {
                h = 31 * h + b;
                p++;
            }
            cur = p;
            c = nextc();
        }
        backup(c);
        tokNameHashOut = h;
        if (nonascii) verifyIdentifier();
        if (rules.asyncAwaitTokens() && cur - tokStart == 5 && buf[tokStart] == 'a') {
            if (matches(tokStart, "async")) return make(TokenType.ASYNC, tokStart, cur);
            if (matches(tokStart, "await")) return make(TokenType.AWAIT, tokStart, cur);
        }
        return make(TokenType.NAME, tokStart, cur);
    }

    private boolean matches(int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (buf[at + i] != ascii.charAt(i)) return false;
        }
        return true;
    }

    /** The message {@link #verifyIdentifier} gives an identifier whose bytes are not UTF-8 (until 3.13: E_DECODE). */
    private static final String UNICODE_ERROR = "(unicode error) ";
    private static final String IDENTIFIER_DECODE_ERROR = UNICODE_ERROR + "'utf-8' codec can't decode ";

    /**
     * If {@code e} is {@code verify_identifier}'s decoding failure (the tokenizer's E_DECODE, which CPython raises
     * with the UnicodeDecodeError still pending; the parser makes it a SyntaxError when it reads the token), that
     * pending UnicodeDecodeError, without a position; else null.
     */
    public static PyCompileError pendingDecodeError(PyCompileError e) {
        if (!e.pythonType().equals("SyntaxError") || !e.pythonMessage().startsWith(IDENTIFIER_DECODE_ERROR)) return null;
        String bare = e.pythonMessage().substring(UNICODE_ERROR.length());
        return new PyCompileError("UnicodeDecodeError", bare, null, null, null, null, -1);
    }

    private void verifyIdentifier() {
        int start = tokStart;
        int i = start;
        int index = 0;
        while (i < cur) {
            int len = sequenceLength(i);
            if (len <= 0) {
                if (rules.identifierBytesDecodedLate()) {
                    // PyUnicode_DecodeUTF8 of the identifier fails; the parser reports it at the token end
                    int bad = buf[i] & 0xff;
                    String reason = len == 0 ? "invalid start byte" : len == Utf8.TRUNCATED ? "unexpected end of data" : "invalid continuation byte";
                    int span = len == 0 ? 1 : validPrefix(i);
                    String where = span > 1
                            ? String.format("bytes in position %d-%d", i - start, i - start + span - 1)
                            : String.format("byte 0x%02x in position %d", bad, i - start);
                    throw atStop("SyntaxError", IDENTIFIER_DECODE_ERROR + where + ": " + reason);
                }
                throw syntaxError("invalid character");
            }
            int cp = decodeAt(i, len);
            boolean ok = index == 0 ? unicode.isStart(cp) : unicode.isContinue(cp);
            if (!ok) {
                cur = i + len;
                if (unicode.isPrintable(cp)) {
                    throw syntaxError(String.format("invalid character '%s' (U+%04X)", new String(Character.toChars(cp)), cp));
                }
                throw syntaxError(String.format("invalid non-printable character U+%04X", cp));
            }
            index++;
            i += len;
        }
    }

    private int sequenceLength(int i) {
        return Utf8.sequenceLength(buf, i, cur);
    }

    /** Bytes of the (invalid) sequence at {@code i} that were acceptable before it failed. */
    private int validPrefix(int i) {
        int c = buf[i] & 0xff;
        int need = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        int lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        int hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        int k = 1;
        while (k <= need && i + k < cur) {
            int d = buf[i + k] & 0xff;
            if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xBF)) break;
            k++;
        }
        return k;
    }

    private int decodeAt(int i, int len) {
        int c = buf[i] & 0xff;
        return switch (len) {
            case 1 -> c;
            case 2 -> ((c & 0x1F) << 6) | (buf[i + 1] & 0x3F);
            case 3 -> ((c & 0x0F) << 12) | ((buf[i + 1] & 0x3F) << 6) | (buf[i + 2] & 0x3F);
            default -> ((c & 0x07) << 18) | ((buf[i + 1] & 0x3F) << 12) | ((buf[i + 2] & 0x3F) << 6) | (buf[i + 3] & 0x3F);
        };
    }

    // ---- numbers ----

    private enum NumberEntry { START, FRACTION }

    /**
     * {@code verify_end_of_number}: a number directly followed by a keyword that may follow a number
     * ({@code and else for if in is not or}) only warns; any other identifier character is an error.
     */
    private void verifyEndOfNumber(int c, String kind) {
        boolean r = false;
        if (c == 'a') r = lookahead("nd");
        else if (c == 'e') r = lookahead("lse");
        else if (c == 'f') r = lookahead("or");
        else if (c == 'i') {
            int c2 = nextc();
            if (c2 == 'f' || c2 == 'n' || c2 == 's') r = true;
            backup(c2);
        } else if (c == 'o') r = lookahead("r");
        else if (c == 'n') r = lookahead("ot");
        if (r) return; // a SyntaxWarning in CPython
        if ((c < 128 || !rules.numberEndAsciiOnly()) && c != EOF && isIdentifierChar(c)) {
            backup(c);
            throw syntaxError("invalid " + kind + " literal");
        }
    }

    private boolean lookahead(String test) {
        int n = 0;
        while (true) {
            int c = nextc();
            if (n == test.length()) {
                boolean res = !isIdentifierChar(c) || c == EOF;
                if (c == EOF) res = true;
                backup(c);
                while (n > 0) backup(test.charAt(--n));
                return res;
            }
            if (c == test.charAt(n)) {
                n++;
                continue;
            }
            backup(c);
            while (n > 0) backup(test.charAt(--n));
            return false;
        }
    }

    private int decimalTail() {
        int c;
        while (true) {
            do {
                c = nextc();
            } while (isDigit(c));
            if (c != '_') break;
            c = nextc();
            if (!isDigit(c)) {
                backup(c);
                throw syntaxError("invalid decimal literal");
            }
        }
        return c;
    }

    private TokenType number(int first, NumberEntry entry) {
        int c = first;
        if (entry == NumberEntry.FRACTION) return fraction(c);
        if (c == '0') {
            c = nextc();
            if (c == 'x' || c == 'X') {
                c = nextc();
                do {
                    if (c == '_') c = nextc();
                    if (!isXDigit(c)) {
                        backup(c);
                        throw syntaxError("invalid hexadecimal literal");
                    }
                    do {
                        c = nextc();
                    } while (isXDigit(c));
                } while (c == '_');
                verifyEndOfNumber(c, "hexadecimal");
            } else if (c == 'o' || c == 'O') {
                c = nextc();
                do {
                    if (c == '_') c = nextc();
                    if (c < '0' || c >= '8') {
                        if (isDigit(c)) throw syntaxError("invalid digit '" + (char) c + "' in octal literal");
                        backup(c);
                        throw syntaxError("invalid octal literal");
                    }
                    do {
                        c = nextc();
                    } while ('0' <= c && c < '8');
                } while (c == '_');
                if (isDigit(c)) throw syntaxError("invalid digit '" + (char) c + "' in octal literal");
                verifyEndOfNumber(c, "octal");
            } else if (c == 'b' || c == 'B') {
                c = nextc();
                do {
                    if (c == '_') c = nextc();
                    if (c != '0' && c != '1') {
                        if (isDigit(c)) throw syntaxError("invalid digit '" + (char) c + "' in binary literal");
                        backup(c);
                        throw syntaxError("invalid binary literal");
                    }
                    do {
                        c = nextc();
                    } while (c == '0' || c == '1');
                } while (c == '_');
                if (isDigit(c)) throw syntaxError("invalid digit '" + (char) c + "' in binary literal");
                verifyEndOfNumber(c, "binary");
            } else {
                boolean nonzero = false;
                while (true) {
                    if (c == '_') {
                        c = nextc();
                        if (!isDigit(c)) {
                            backup(c);
                            throw syntaxError("invalid decimal literal");
                        }
                    }
                    if (c != '0') break;
                    c = nextc();
                }
                int zerosEnd = cur;
                if (isDigit(c)) {
                    nonzero = true;
                    c = decimalTail();
                }
                if (c == '.') {
                    c = nextc();
                    return fraction(c);
                } else if (c == 'e' || c == 'E') {
                    return exponent(c);
                } else if (c == 'j' || c == 'J') {
                    return imaginary();
                } else if (nonzero) {
                    backup(c);
                    throw syntaxErrorRange("leading zeros in decimal integer literals are not permitted; "
                            + "use an 0o prefix for octal integers", tokStart + 1 - lineStart, zerosEnd - lineStart);
                }
                verifyEndOfNumber(c, "decimal");
            }
        } else {
            c = decimalTail();
            if (c == '.') {
                c = nextc();
                return fraction(c);
            }
            if (c == 'e' || c == 'E') return exponent(c);
            if (c == 'j' || c == 'J') return imaginary();
            verifyEndOfNumber(c, "decimal");
        }
        backup(c);
        return make(TokenType.NUMBER, tokStart, cur);
    }

    private TokenType fraction(int c) {
        if (isDigit(c)) c = decimalTail();
        if (c == 'e' || c == 'E') return exponent(c);
        if (c == 'j' || c == 'J') return imaginary();
        verifyEndOfNumber(c, "decimal");
        backup(c);
        return make(TokenType.NUMBER, tokStart, cur);
    }

    private TokenType exponent(int e) {
        int c = nextc();
        if (c == '+' || c == '-') {
            c = nextc();
            if (!isDigit(c)) {
                backup(c);
                throw syntaxError("invalid decimal literal");
            }
        } else if (!isDigit(c)) {
            backup(c);
            verifyEndOfNumber(e, "decimal");
            backup(e);
            return make(TokenType.NUMBER, tokStart, cur);
        }
        c = decimalTail();
        if (c == 'j' || c == 'J') return imaginary();
        verifyEndOfNumber(c, "decimal");
        backup(c);
        return make(TokenType.NUMBER, tokStart, cur);
    }

    private TokenType imaginary() {
        int c = nextc();
        verifyEndOfNumber(c, "imaginary");
        backup(c);
        return make(TokenType.NUMBER, tokStart, cur);
    }

    // ---- strings ----

    private TokenType stringLiteral(int quote) {
        int quoteSize = 1;
        int endQuoteSize = 0;
        boolean escapedQuote = false;
        firstLineno = lineno;
        multiLineStart = lineStart;
        int c = nextc();
        if (c == quote) {
            c = nextc();
            if (c == quote) quoteSize = 3;
            else endQuoteSize = 1;
        }
        if (c != quote) backup(c);
        while (endQuoteSize != quoteSize) {
            // Bytes that are neither the quote, a backslash nor a newline, as nextc() would read them.
            if (skipInLine(cur, (byte) quote, (byte) '\\', (byte) '\n')) endQuoteSize = 0;
            c = nextc();
            if (c == EOF || (quoteSize == 1 && c == '\n')) {
                cur = tokStart + 1;
                lineStart = multiLineStart;
                int start = lineno;
                lineno = firstLineno;
                if (modeIndex > 0) {
                    Mode m = modes[modeIndex];
                    if (m.quote == quote && m.quoteSize == quoteSize) {
                        throw syntaxError(prefix(m) + ": expecting '}'");
                    }
                }
                if (quoteSize == 3) {
                    throw syntaxError("unterminated triple-quoted string literal (detected at line " + start + ")");
                }
                if (escapedQuote && rules.escapedQuoteHint()) {
                    throw syntaxError("unterminated string literal (detected at line " + start
                            + "); perhaps you escaped the end quote?");
                }
                throw syntaxError("unterminated string literal (detected at line " + start + ")");
            }
            if (c == quote) {
                endQuoteSize++;
            } else {
                endQuoteSize = 0;
                if (c == '\\') {
                    c = nextc();
                    if (c == quote) escapedQuote = true;
                    if (c == '\r') c = nextc();
                }
            }
        }
        return make(TokenType.STRING, tokStart, cur);
    }

    private TokenType fstringStart(int quote) {
        int quoteSize = 1;
        firstLineno = lineno;
        multiLineStart = lineStart;
        int afterQuote = nextc();
        if (afterQuote == quote) {
            int afterAfter = nextc();
            if (afterAfter == quote) {
                quoteSize = 3;
            } else {
                backup(afterAfter);
                backup(afterQuote);
            }
        }
        if (afterQuote != quote) backup(afterQuote);
        if (modeIndex + 1 >= MAXFSTRINGLEVEL) throw syntaxError("too many nested f-strings");
        Mode m = new Mode();
        modes[++modeIndex] = m;
        m.fstringMode = true;
        int first = buf[tokStart] | 0x20;
        int second = buf[tokStart + 1] | 0x20;
        m.template = rules.tstrings() && (first == 't' || second == 't');
        m.quote = quote;
        m.quoteSize = quoteSize;
        m.start = tokStart;
        m.multiLineStart = lineStart;
        m.lineStartLineno = lineno;
        m.raw = first == 'r' || second == 'r';
        return make(m.template ? TokenType.TSTRING_START : TokenType.FSTRING_START, tokStart, cur);
    }

    // ---- operators and brackets ----

    private TokenType operator(int c, Mode current) {
        boolean punct = c == ':' || c == '}' || c == '!' || c == '{';
        if (punct && modeIndex > 0 && current.curlyExprStartDepth >= 0) {
            int cursor = current.curlyDepth - (c != '{' ? 1 : 0);
            if (c == ':' && cursor == current.curlyExprStartDepth) {
                current.fstringMode = true;
                current.inFormatSpec = true;
                return make(TokenType.COLON, tokStart, cur);
            }
        }

        int c2 = nextc();
        TokenType two = c2 == EOF ? null : TokenType.operator(c, c2);
        if (two != null) {
            int c3 = nextc();
            TokenType three = c3 == EOF ? null : TokenType.operator(c, c2, c3);
            if (three != null) {
                two = three;
            } else {
                backup(c3);
            }
            return make(two, tokStart, cur);
        }
        backup(c2);

        switch (c) {
            case '(', '[', '{' -> {
                if (level >= MAXLEVEL) throw syntaxError("too many nested parentheses");
                parenstack[level] = (char) c;
                parenlinenostack[level] = lineno;
                parencolstack[level] = tokStart - lineStart;
                parenlinestartstack[level] = lineStart;
                level++;
                if (modeIndex > 0) current.curlyDepth++;
            }
            case ')', ']', '}' -> {
                if (modeIndex > 0 && current.curlyDepth == 0 && c == '}') {
                    throw syntaxError(prefix(current) + ": single '}' is not allowed");
                }
                if (level == 0) throw syntaxError("unmatched '" + (char) c + "'");
                level--;
                int opening = parenstack[level];
                if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') || (opening == '{' && c == '}'))) {
                    if (modeIndex > 0 && opening == '{') {
                        int previous = current.curlyDepth - 1;
                        if (previous == current.curlyExprStartDepth) {
                            throw syntaxError(prefix(current) + ": unmatched '" + (char) c + "'");
                        }
                    }
                    if (parenlinenostack[level] != lineno) {
                        throw syntaxError("closing parenthesis '" + (char) c + "' does not match opening parenthesis '"
                                + (char) opening + "' on line " + parenlinenostack[level]);
                    }
                    throw syntaxError("closing parenthesis '" + (char) c + "' does not match opening parenthesis '"
                            + (char) opening + "'");
                }
                if (modeIndex > 0) {
                    current.curlyDepth--;
                    if (current.curlyDepth < 0) throw syntaxError(prefix(current) + ": unmatched '" + (char) c + "'");
                    if (c == '}' && current.curlyDepth == current.curlyExprStartDepth) {
                        current.curlyExprStartDepth--;
                        current.fstringMode = true;
                        current.inFormatSpec = false;
                        current.debug = false;
                    }
                }
            }
            default -> {
            }
        }

        if (rules.controlCharError() && (c >= 128 || (c < 32 && c != '\t' && c != '\f') || c == 127)) {
            throw syntaxError(String.format("invalid non-printable character U+%04X", c));
        }
        if (c == '=' && current.curlyExprStartDepth >= 0) current.debug = true;

        TokenType one = TokenType.operator(c);
        if (one == TokenType.EXCLAMATION && !rules.exclamationToken()) one = null;
        return make(one != null ? one : TokenType.OP, tokStart, cur);
    }

    // =========================================================================================
    // f-string mode (3.12+)
    // =========================================================================================

    /** "f-string" or "t-string", as messages name the literal. */
    private static String prefix(Mode m) {
        return m.template ? "t-string" : "f-string";
    }

    private TokenType middle(Mode m) {
        return m.template ? TokenType.TSTRING_MIDDLE : TokenType.FSTRING_MIDDLE;
    }

    private TokenType fstringMode(Mode current) {
        tokStart = cur;
        firstLineno = lineno;
        startingColOffset = colOffset();
        int endQuoteSize = 0;
        boolean unicodeEscape = false;

        int startChar = nextc();
        if (startChar == '{') {
            int peek1 = nextc();
            backup(peek1);
            backup(startChar);
            if (peek1 != '{') {
                current.curlyExprStartDepth++;
                if (current.curlyExprStartDepth >= MAX_EXPR_NESTING) {
                    throw syntaxError(prefix(current) + ": expressions nested too deeply");
                }
                current.fstringMode = false;
                return normalMode(current);
            }
        } else {
            backup(startChar);
        }

        boolean atEnd = true;
        for (int i = 0; i < current.quoteSize; i++) {
            int q = nextc();
            if (q != current.quote) {
                backup(q);
                atEnd = false;
                break;
            }
        }
        if (atEnd) {
            modeIndex--;
            return make(current.template ? TokenType.TSTRING_END : TokenType.FSTRING_END, tokStart, cur);
        }

        multiLineStart = lineStart;
        while (endQuoteSize != current.quoteSize) {
            int c = nextc();
            boolean inFormatSpec = current.inFormatSpec && current.curlyExprStartDepth >= 0;
            if (c == EOF || (current.quoteSize == 1 && c == '\n')) {
                if (inFormatSpec && c == '\n') {
                    if (current.quoteSize == 1 && rules.formatSpecNewlineError()) {
                        throw syntaxError(prefix(current) + ": newlines are not allowed in format specifiers for single quoted "
                                + prefix(current) + "s");
                    }
                    backup(c);
                    current.fstringMode = false;
                    current.inFormatSpec = false;
                    return make(middle(current), tokStart, cur);
                }
                cur = current.start + 1;
                lineStart = current.multiLineStart;
                int start = lineno;
                lineno = current.lineStartLineno;
                String kind = current.template ? "t-string" : "f-string";
                if (current.quoteSize == 3) {
                    throw syntaxError("unterminated triple-quoted " + kind + " literal (detected at line " + start + ")");
                }
                throw syntaxError("unterminated " + kind + " literal (detected at line " + start + ")");
            }
            if (c == current.quote) {
                endQuoteSize++;
                continue;
            }
            endQuoteSize = 0;
            if (c == '{') {
                int peek = nextc();
                if (peek != '{' || inFormatSpec) {
                    backup(peek);
                    backup(c);
                    current.curlyExprStartDepth++;
                    if (current.curlyExprStartDepth >= MAX_EXPR_NESTING) {
                        throw syntaxError(prefix(current) + ": expressions nested too deeply");
                    }
                    current.fstringMode = false;
                    current.inFormatSpec = false;
                    return make(middle(current), tokStart, cur);
                }
                return make(middle(current), tokStart, cur - 1);
            } else if (c == '}') {
                if (unicodeEscape) return make(middle(current), tokStart, cur);
                int peek = nextc();
                if (peek == '}' && !inFormatSpec && current.curlyDepth == 0) {
                    return make(middle(current), tokStart, cur - 1);
                }
                backup(peek);
                backup(c);
                current.fstringMode = false;
                current.inFormatSpec = false;
                return make(middle(current), tokStart, cur);
            } else if (c == '\\') {
                int peek = nextc();
                if (peek == '\r') peek = nextc();
                if (peek == '{' || peek == '}') {
                    backup(peek);
                    continue;
                }
                if (!current.raw && peek == 'N') {
                    peek = nextc();
                    if (peek == '{') unicodeEscape = true;
                    else backup(peek);
                }
            }
        }
        for (int i = 0; i < current.quoteSize; i++) backup(current.quote);
        return make(middle(current), tokStart, cur);
    }
}
