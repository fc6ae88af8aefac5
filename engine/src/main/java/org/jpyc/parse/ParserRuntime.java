package org.jpyc.parse;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jpyc.ast.Constant;
import org.jpyc.ast.Located;
import org.jpyc.ast.Name;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.source.DecodedSource;
import org.jpyc.source.ProgramText;
import org.jpyc.source.PyCompileError;
import org.jpyc.tokenize.Token;
import org.jpyc.tokenize.TokenType;
import org.jpyc.tokenize.Tokenizer;
import org.jpyc.util.LittleEndian;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * What the generated parsers stand on, as CPython's Parser/pegen.c: the token buffer filled lazily
 * from the tokenizer (keywords told apart from names here, as {@code _PyPegen_fill_token} does), the
 * mark, the memo (per token position, keyed by rule), the {@code expect*} primitives the generated
 * rules call, the positions of {@code EXTRA}, the rule depth limit ({@code MAXSTACK}) and the error
 * raising macros.
 */
abstract class ParserRuntime {
    /** CPython's MAXSTACK (Parser/parser.c, release builds): rule nesting deeper than this is an error. */
    static final int MAXSTACK = 6000;

    /** The start rules of {@code _PyPegen_parse}. */
    enum StartRule { FILE, EVAL, INTERACTIVE, FUNC_TYPE }

    /** Which targets an invalid-target error is about ({@code TARGETS_TYPE} in pegen.h). */
    enum TargetsType { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS }

    /**
     * The result of a rule alternative that is one token, in a rule whose result no caller keeps (the
     * generator's {@code unused_results}; lookaheads such as {@code t_lookahead}): pegen returns the
     * token, which nothing reads; here the token is matched without being made an object.
     */
    static final Object MATCHED = new Object();

    /** Stands for the arena argument of C calls; never used. */
    static final Object ARENA = null;

    final PyVersion version;
    final byte[] input;
    private final Tokenizer tokenizer;
    /**
     * The keywords by the hash of their bytes (String's, as {@link Tokenizer#tokenNameHash} gives a NAME's):
     * open addressing, each slot a keyword index + 1 or 0 for none, at most a quarter full.
     */
    private final int[] keywordSlots;
    /** The keywords' hashes, by index. */
    private final int[] keywordHashes;
    /** The keywords' bytes, by index. */
    private final byte[][] keywordBytes;
    /** Keyword tables by keyword list (each generated parser passes its one static list). */
    private static final Map<String[], KeywordTable> KEYWORD_TABLES = Collections.synchronizedMap(new IdentityHashMap<>());

    /** A keyword list's lookup tables: indexes by hash, and each keyword's hash and bytes. */
    private record KeywordTable(int[] slots, int[] hashes, byte[][] bytes) {
    }

    /** Token arrays start small: f-string expressions before 3.12 each get a parser of their own. */
    private static final int INITIAL_TOKENS = 32;

    /**
     * The tokens read so far ({@code p->tokens}), {@link #fill} of them: per token {@link #STRIDE} ints
     * (the fields of a {@link Token} but its type, at {@code STRIDE * i + T_*}). Most tokens never
     * become an object: a rule that only matches one ({@link #acceptToken}) or takes its position reads
     * these; {@link #tokenAt} makes a token's {@link Token} when an action or an error needs it, once.
     * A NAME also keeps its spelling's entry in the name table ({@code T_NAME_ENTRY}, see {@link #nameEntry}).
     */
    private int[] tokInts;
    private static final int STRIDE = 10;
    private static final int T_START = 0, T_END = 1, T_LINENO = 2, T_COL = 3, T_END_LINENO = 4, T_END_COL = 5,
            T_LEVEL = 6, T_LINE_START = 7, T_END_LINE_START = 8, T_NAME_ENTRY = 9;
    /** Per token: its {@link Token}, once made by {@link #tokenAt}. */
    private Token[] tokenArray;
    private int filled;
    private static final TokenType[] TYPES = TokenType.values();
    /** A list view of the tokens read so far. */
    final List<Token> tokens = new AbstractList<>() {
        @Override
        public Token get(int i) {
            Objects.checkIndex(i, filled);
            return tokenAt(i);
        }

        @Override
        public int size() {
            return filled;
        }
    };
    /** Per token: its kind, the TokenType ordinal or KEYWORD_BASE + keyword index (also its bit in a token set). */
    private int[] kinds;
    /**
     * Per NAME token: its Name node, once made. Every rule that takes the token gets this one node:
     * the parser never changes a node it is given (context and positions are set on copies, as
     * pegen's are), and a token ends up in at most one place of the tree.
     */
    private Name[] tokenNames;
    /**
     * The memo. pegen keeps a linked list of (rule, result, end) per token; here a token has one bit
     * per memo slot (one slot per memoised rule, at most 64) saying that slot's result is known there,
     * and a second bit saying that the known result is a success. Most memoised results are failures,
     * which need the bits alone: a failed rule leaves the mark where it was. A success is an entry of
     * one log for the whole parse (slot, result, end: the mark after the result), linked to the
     * token's other successes as pegen's list is.
     */
    private long[] memoKnown;
    private long[] memoSucceeded;
    /** Per token: its newest success entry in the log (valid while any of its memoSucceeded bits is set). */
    private int[] memoHead;
    /**
     * The log, {@link #logSize} entries in flat arrays (sized at a token's worth each, doubled when full,
     * kept for the thread's next parse): per entry the slots it holds (a bit each: the levels of the
     * expression chain share one entry), two ints (the end, the token's next older entry) and the result.
     */
    private long[] logSlots;
    private int[] logInts;
    private Object[] logResults;
    private int logSize;
    /** Above every TokenType ordinal: keyword kinds follow the token types in one bit space (of 256). */
    private static final int KEYWORD_BASE = 128;

    static {
        if (TokenType.values().length > KEYWORD_BASE) throw new AssertionError("token kinds overlap");
    }

    int mark;
    int level;
    boolean callInvalidRules;
    private int[] lineStarts;
    /** Whether pegen turns its error columns into characters ({@link Tokenizer#errorColumnsInChars()}). */
    private final boolean errorColumnsInChars;
    /**
     * The bytes of the file the compiled filename names, when the source is that file and it can be read (see
     * {@link Parser#parseForCompile(byte[], PyVersion, byte[])}); null for a source that is not a readable file.
     */
    private byte[] programFile;
    /** The source's {@code tok->encoding}: its declared encoding, or null. */
    private final String tokEncoding;

    ParserRuntime(DecodedSource source, PyVersion version, String[] keywordList, String[] softKeywords, int memoSlots) {
        this.softKeywords = softKeywords;
        this.softKeywordPrefixes = !version.has(Feature.SOFT_KEYWORD_WHOLE_WORD);
        if (memoSlots > 64) throw new IllegalArgumentException("more than 64 memo slots: " + memoSlots);

        this.version = version;
        this.tokenizer = new Tokenizer(source, version);
        this.errorColumnsInChars = tokenizer.errorColumnsInChars();
        this.tokEncoding = source.declaresEncoding() ? source.encoding() : null;
        this.input = tokenizer.input();
        // About one token per five bytes of source: sized once instead of doubled from small.
        int tokens = Math.max(INITIAL_TOKENS, input.length / 5);
        Buffers b = SPARE.get();
        if (b != null && b.tokenArray.length >= tokens) {
            SPARE.set(null);
        } else {
            b = new Buffers(new int[tokens * STRIDE], new Token[tokens], new int[tokens], new Name[tokens], new long[tokens], new long[tokens],
                    new int[tokens], new long[tokens], new int[2 * tokens], new Object[tokens]);
        }
        this.tokInts = b.tokInts;
        this.tokenArray = b.tokenArray;
        this.kinds = b.kinds;
        this.tokenNames = b.tokenNames;
        this.memoKnown = b.memoKnown;
        this.memoSucceeded = b.memoSucceeded;
        this.memoHead = b.memoHead;
        this.logSlots = b.logSlots;
        this.logInts = b.logInts;
        this.logResults = b.logResults;
        if (keywordList.length > 256 - KEYWORD_BASE) throw new IllegalArgumentException("too many keywords");
        KeywordTable keywords = KEYWORD_TABLES.computeIfAbsent(keywordList, ParserRuntime::keywordTable);
        this.keywordSlots = keywords.slots();
        this.keywordHashes = keywords.hashes();
        this.keywordBytes = keywords.bytes();
        // about one distinct name per 40 bytes of source, the table at most half full
        int nameTable = Math.max(64, Integer.highestOneBit(Math.max(1, input.length / 20)) * 2);
        this.nameSlots = new int[nameTable];
        this.nameHashes = new int[nameTable / 2];
        this.nameStarts = new int[nameTable / 2];
        this.nameLengths = new int[nameTable / 2];
        this.nameKinds = new int[nameTable / 2];
        this.nameIds = new String[nameTable / 2];
    }

    /**
     * The per-token arrays and the memo log of a finished parse, kept for the thread's next parse
     * (see {@link #releaseBuffers}): a batch parses module after module, and arrays reused while still
     * in the CPU's cache are cheaper than fresh ones, which the JVM zeroes and the parse then writes again.
     */
    private record Buffers(int[] tokInts, Token[] tokenArray, int[] kinds, Name[] tokenNames, long[] memoKnown, long[] memoSucceeded,
                           int[] memoHead, long[] logSlots, int[] logInts, Object[] logResults) {
    }

    private static final ThreadLocal<Buffers> SPARE = new ThreadLocal<>();

    /**
     * Hands this parser's arrays to the thread's next parser; the parser must not be used after. What a
     * later parse reads before writing is cleared (the memo bits of the tokens read); references are
     * dropped so that the arrays hold no part of this parse's tree.
     */
    final void releaseBuffers() {
        int n = filled;
        Arrays.fill(tokenArray, 0, n, null);
        Arrays.fill(tokenNames, 0, n, null);
        Arrays.fill(memoKnown, 0, n, 0L);
        Arrays.fill(memoSucceeded, 0, n, 0L);
        Arrays.fill(logResults, 0, logSize, null);
        Buffers b = new Buffers(tokInts, tokenArray, kinds, tokenNames, memoKnown, memoSucceeded, memoHead, logSlots, logInts, logResults);
        tokenArray = null;
        filled = 0;
        SPARE.set(b);
    }

    private static KeywordTable keywordTable(String[] keywordList) {
        int[] slots = new int[Math.max(64, Integer.highestOneBit(keywordList.length) * 8)];
        int mask = slots.length - 1;
        int[] hashes = new int[keywordList.length];
        byte[][] bytes = new byte[keywordList.length][];
        for (int i = 0; i < keywordList.length; i++) {
            String k = keywordList[i];
            bytes[i] = k.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int h = hashes[i] = k.hashCode();
            int s = (h ^ (h >>> 16)) & mask;
            while (slots[s] != 0) s = (s + 1) & mask;
            slots[s] = i + 1;
        }
        return new KeywordTable(slots, hashes, bytes);
    }

    abstract Object startRule(StartRule start);

    /**
     * Before 3.12: the start rule {@code fstring: star_expressions} of the second parser that reads one
     * f-string {expression} (string_parser.c's {@code fstring_compile_expr}); generated only for those grammars.
     */
    Object fstringExpressionRule() {
        throw new UnsupportedOperationException("no fstring start rule in this grammar");
    }

    /**
     * pegen's {@code starting_lineno} / {@code starting_col_offset} of such a second parser: its line 1 is
     * this line of the file, and tokens on its line 1 are shifted right by this many bytes. 0: not shifted.
     */
    int startingLineno;
    int startingColOffset;

    /**
     * An error the tokenizer of an f-string expression's parser raised itself ({@code _PyTokenizer_syntaxerror}):
     * {@code fstring_compile_expr} starts that tokenizer's {@code lineno} at {@link #startingLineno} - 1, so its
     * errors name the file's lines (the columns are the tokenizer's own, on its line of "(expression)").
     */
    private PyCompileError onStartingLine(PyCompileError e) {
        if (!e.hasLineFromTokenizer() || e.lineno() == null) return e;
        int shift = startingLineno - 1;
        return new PyCompileError(e.pythonType(), e.pythonMessage(), e.lineno() + shift, e.offset(),
                e.endLineno() == null ? null : e.endLineno() + shift, e.endOffset(), e.byteOffset()).lineFromTokenizer();
    }

    /** 3.10's {@code p->in_raw_rule}: above 0 while a left-recursive rule grows its seed. */
    int inRawRule;

    // ---- tokens ----

    final int fill() {
        return filled;
    }

    /**
     * {@code _PyPegen_raise_error}'s column for a token that has none (INDENT, DEDENT, ENDMARKER): where the
     * tokenizer stands now, {@code tok->cur - tok->line_start} in bytes (0 at the input's start). That is after
     * the last token read, not at the token: after a DEDENT within the file, the first non-blank character of
     * its line; after the DEDENTs and ENDMARKER that end the input, the input's end, counted from the start of
     * the last line read.
     */
    final int tokenizerColumn() {
        int c = tokenizer.cursor();
        return c == 0 ? 0 : c - tokenizer.cursorLineStart();
    }

    /** {@code tok->cur}: see {@link #tokenizerColumn}. */
    final int tokenizerCursor() {
        return tokenizer.cursor();
    }

    /** Whether the tokenizer raised (such an error ends parsing: pegen's second pass never runs). */
    boolean tokenizerFailed;

    /**
     * Reads the next token. Kept above C2's hot inlining size (FreqInlineSize, 325 bytecodes; the keyword
     * lookup is written out here for that): if it were inlined into the first compile of a small
     * primitive such as {@link #currentKind}, that primitive's code would be too big for C2 to inline
     * into the generated rules ("already compiled into a big method"), and every token test would be a call.
     */
    private void fillToken() {
        Tokenizer z = tokenizer;
        TokenType type;
        try {
            type = z.advance();
        } catch (PyCompileError e) {
            tokenizerFailed = true;
            throw startingLineno != 0 ? onStartingLine(e) : e;
        }
        int start = z.tokenStart();
        int end = z.tokenEnd();
        int lineno = z.tokenLineno();
        int col = z.tokenColOffset();
        int endLineno = z.tokenEndLineno();
        int endCol = z.tokenEndColOffset();
        if (startingLineno != 0) {
            boolean first = endLineno == 1;
            lineno += startingLineno - 1;
            endLineno += startingLineno - 1;
            if (first && col >= 0) col += startingColOffset;
            if (first && endCol >= 0) endCol += startingColOffset;
        }
        int kind = type.ordinal();
        int nameEntry = 0;
        if (type == TokenType.NAME) {
            // The spelling's entry (found by the hash of its bytes the tokenizer computed) knows whether it is a keyword.
            nameEntry = nameEntry(z.tokenNameHash(), start, end);
            kind = nameKinds[nameEntry];
        }
        int i = filled;
        if (i == kinds.length) {
            int size = i * 2;
            tokInts = Arrays.copyOf(tokInts, size * STRIDE);
            kinds = Arrays.copyOf(kinds, size);
            tokenNames = Arrays.copyOf(tokenNames, size);
            tokenArray = Arrays.copyOf(tokenArray, size);
            memoKnown = Arrays.copyOf(memoKnown, size);
            memoSucceeded = Arrays.copyOf(memoSucceeded, size);
            memoHead = Arrays.copyOf(memoHead, size);
        }
        kinds[i] = kind;
        int[] ints = tokInts;
        int o = i * STRIDE;
        ints[o + T_START] = start;
        ints[o + T_END] = end;
        ints[o + T_LINENO] = lineno;
        ints[o + T_COL] = col;
        ints[o + T_END_LINENO] = endLineno;
        ints[o + T_END_COL] = endCol;
        ints[o + T_LEVEL] = z.tokenLevel();
        ints[o + T_LINE_START] = z.tokenLineStart();
        ints[o + T_END_LINE_START] = z.tokenEndLineStart();
        ints[o + T_NAME_ENTRY] = nameEntry;
        filled = i + 1;
    }

    /** A set of token kinds (generated): token types and keyword indexes, a bit per kind. */
    static long[] tokenSet(TokenType[] types, int[] keywordIndexes) {
        long[] set = new long[4];
        for (TokenType t : types) set[t.ordinal() >> 6] |= 1L << t.ordinal();
        for (int k : keywordIndexes) set[(KEYWORD_BASE + k) >> 6] |= 1L << (KEYWORD_BASE + k);
        return set;
    }

    /** Whether the token at the mark (read now if needed) is in {@code set}. */
    final boolean canStart(long[] set) {
        int k = currentKind();
        return (set[k >> 6] & (1L << k)) != 0;
    }

    /**
     * Whether the token at the mark is in {@code first} and the one after it (read now if needed) in
     * {@code second}: the guard of a call whose every alternative starts with two tokens (generated), which
     * reads the second only after its first token matched, as the call would.
     */
    final boolean canStart2(long[] first, long[] second) {
        if (!canStart(first)) return false;
        int i = mark + 1;
        if (i == filled) fillToken();
        int k = kinds[i];
        return (second[k >> 6] & (1L << k)) != 0;
    }

    /** The token at the mark, read from the tokenizer if needed. */
    final Token current() {
        if (mark == filled) fillToken();
        return tokenAt(mark);
    }

    /** Reads the token at the mark if it is not read yet (pegen's fill at a rule's start). */
    final void ensureToken() {
        if (mark == filled) fillToken();
    }

    /** A token already read, as a {@link Token} (made at the first call, then the same object). */
    final Token tokenAt(int i) {
        Token t = tokenArray[i];
        return t != null ? t : makeToken(i);
    }

    private Token makeToken(int i) {
        int[] ints = tokInts;
        int o = i * STRIDE;
        int kind = kinds[i];
        Token t = new Token(kind >= KEYWORD_BASE ? TokenType.NAME : TYPES[kind], ints[o + T_START], ints[o + T_END],
                ints[o + T_LINENO], ints[o + T_COL], ints[o + T_END_LINENO], ints[o + T_END_COL], ints[o + T_LEVEL],
                ints[o + T_LINE_START], ints[o + T_END_LINE_START]);
        tokenArray[i] = t;
        return t;
    }

    /** The line of token {@code i} (read already): {@link Token#lineno()} without making the Token. */
    final int tokLineno(int i) {
        return tokInts[i * STRIDE + T_LINENO];
    }

    /** {@link Token#colOffset()} of token {@code i}. */
    final int tokColOffset(int i) {
        return tokInts[i * STRIDE + T_COL];
    }

    /** {@link Token#endLineno()} of token {@code i}. */
    final int tokEndLineno(int i) {
        return tokInts[i * STRIDE + T_END_LINENO];
    }

    /** {@link Token#start()} of token {@code i}. */
    final int tokStart(int i) {
        return tokInts[i * STRIDE + T_START];
    }

    /** {@link Token#end()} of token {@code i}. */
    final int tokEnd(int i) {
        return tokInts[i * STRIDE + T_END];
    }

    /** {@link Token#endColOffset()} of token {@code i}. */
    final int tokEndColOffset(int i) {
        return tokInts[i * STRIDE + T_END_COL];
    }

    private int currentKind() {
        if (mark == filled) fillToken();
        return kinds[mark];
    }

    final Token expectToken(TokenType type) {
        if (currentKind() != type.ordinal()) return null;
        return tokenAt(mark++);
    }

    final Token expectKeyword(int keyword) {
        if (currentKind() != KEYWORD_BASE + keyword) return null;
        return tokenAt(mark++);
    }

    /** {@link #expectToken} where the token itself is not kept (generated for items an action does not name): whether it matched. */
    final boolean acceptToken(TokenType type) {
        if (currentKind() != type.ordinal()) return false;
        mark++;
        return true;
    }

    /** {@link #expectKeyword} where the token itself is not kept. */
    final boolean acceptKeyword(int keyword) {
        if (currentKind() != KEYWORD_BASE + keyword) return false;
        mark++;
        return true;
    }

    /** A soft keyword: a NAME with this text, as a Name node ({@code _PyPegen_expect_soft_keyword}). */
    final Object expectSoftKeyword(String word) {
        if (currentKind() != TokenType.NAME.ordinal()) return null;
        if (!tokenTextIs(mark, word)) return null;
        return nameAt(mark++);
    }

    /**
     * Whether the token at the mark is the soft keyword {@code word} ({@link #expectSoftKeyword}'s test,
     * without taking it): the guard of a call every alternative of which starts with that soft keyword.
     */
    final boolean atSoftKeyword(String word) {
        return currentKind() == TokenType.NAME.ordinal() && tokenTextIs(mark, word);
    }

    private final String[] softKeywords;
    /**
     * Whether {@code SOFT_KEYWORD} also takes a NAME that is only a prefix of a soft keyword: up to 3.13,
     * {@code _PyPegen_soft_keyword_token} compares with {@code strncmp(keyword, name, len(name))}; 3.14
     * compares whole words (python/cpython#130077: {@code (m x)} and {@code f(c d)} now get "Perhaps you
     * forgot a comma?" through {@code invalid_expression}'s {@code !(NAME STRING | SOFT_KEYWORD)}; checked
     * on 3.13.5, 3.14.3 and 3.15.2).
     */
    private final boolean softKeywordPrefixes;

    /**
     * {@code SOFT_KEYWORD} ({@code _PyPegen_soft_keyword_token}): a NAME that is a soft keyword, or up to
     * 3.13 any prefix of one ({@code c}, {@code ma}: see {@link #softKeywordPrefixes}).
     */
    final Object softKeywordToken() {
        if (currentKind() != TokenType.NAME.ordinal()) return null;
        int o = mark * STRIDE;
        int start = tokInts[o + T_START];
        int n = tokInts[o + T_END] - start;
        for (String kw : softKeywords) {
            if ((softKeywordPrefixes ? n <= kw.length() : n == kw.length()) && asciiAt(start, kw, n)) return nameAt(mark++);
        }
        return null;
    }

    /** Whether the text of token {@code i} (a NAME) is exactly the ASCII {@code s}. */
    private boolean tokenTextIs(int i, String s) {
        int o = i * STRIDE;
        int start = tokInts[o + T_START];
        int n = tokInts[o + T_END] - start;
        return n == s.length() && asciiAt(start, s, n);
    }

    /** Whether the {@code n} input bytes at {@code start} are the first {@code n} chars of the ASCII {@code s}. */
    private boolean asciiAt(int start, String s, int n) {
        for (int k = 0; k < n; k++) {
            if (input[start + k] != s.charAt(k)) return false;
        }
        return true;
    }

    final Object nameToken() {
        if (currentKind() != TokenType.NAME.ordinal()) return null;
        return nameAt(mark++);
    }

    final Object stringToken() {
        return expectToken(TokenType.STRING);
    }

    /** The index of the STRING token at the mark, taken (the mark moves past it), or -1 if it is none. */
    final int takeStringToken() {
        return currentKind() == TokenType.STRING.ordinal() ? mark++ : -1;
    }

    final Object numberToken() {
        if (currentKind() != TokenType.NUMBER.ordinal()) return null;
        // read from the token's row: a Token is made only for an error
        int i = mark++;
        int[] ints = tokInts;
        int o = i * STRIDE;
        int start = ints[o + T_START];
        String text = new String(input, start, ints[o + T_END] - start, StandardCharsets.UTF_8);
        int digits = NumberParser.decimalDigits(text);
        if (digits > NumberParser.INT_MAX_STR_DIGITS) {
            // PyLong_FromString's ValueError, turned into a SyntaxError on the token's lines without columns
            Token t = tokenAt(i);
            throw syntaxErrorAt("SyntaxError", NumberParser.tooManyDigits(digits, version)
                    + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                    t.lineno(), -1, t.endLineno(), -1, t);
        }
        return new Constant(NumberParser.value(text), null,
                ints[o + T_LINENO], ints[o + T_COL], ints[o + T_END_LINENO], ints[o + T_END_COL]);
    }

    /** The Name node of the NAME token at {@code i} ({@code _PyPegen_name_token}), made once per token (see {@link #tokenNames}). */
    private Name nameAt(int i) {
        Name n = tokenNames[i];
        if (n == null) {
            int[] ints = tokInts;
            int o = i * STRIDE;
            int e = ints[o + T_NAME_ENTRY];
            String id = nameIds[e];
            n = tokenNames[i] = new Name(id != null ? id : identifier(e), ExprContextNode.Load,
                    ints[o + T_LINENO], ints[o + T_COL], ints[o + T_END_LINENO], ints[o + T_END_COL]);
        }
        return n;
    }

    /**
     * The entry of the NAME spelled by the input bytes {@code start..end}, whose hash (String's function
     * of the bytes) is {@code h}: one per distinct spelling in this parse, made at its first token, where
     * the keyword table says once whether the spelling is a keyword.
     */
    private int nameEntry(int h, int start, int end) {
        int[] slots = nameSlots;
        int mask = slots.length - 1;
        int n = end - start;
        for (int s = (h ^ (h >>> 16)) & mask; ; s = (s + 1) & mask) {
            int e = slots[s] - 1;
            if (e < 0) return addNameEntry(s, h, start, n);
            if (nameHashes[e] == h && nameLengths[e] == n && sameBytes(nameStarts[e], start, n)) return e;
        }
    }

    /** A new entry of {@link #nameEntry} in table slot {@code slot}: a keyword (its kind) or a NAME. */
    private int addNameEntry(int slot, int h, int start, int n) {
        int kind = TokenType.NAME.ordinal();
        int[] kwSlots = keywordSlots;
        int kwMask = kwSlots.length - 1;
        for (int s = (h ^ (h >>> 16)) & kwMask; ; s = (s + 1) & kwMask) {
            int k = kwSlots[s] - 1;
            if (k < 0) break;
            if (keywordHashes[k] == h && keywordBytes[k].length == n && sameBytes(keywordBytes[k], start)) {
                kind = KEYWORD_BASE + k;
                break;
            }
        }
        int e = nameCount++;
        if (e == nameKinds.length) {
            int size = e * 2;
            nameHashes = Arrays.copyOf(nameHashes, size);
            nameStarts = Arrays.copyOf(nameStarts, size);
            nameLengths = Arrays.copyOf(nameLengths, size);
            nameKinds = Arrays.copyOf(nameKinds, size);
            String[] ids = new String[size];
            System.arraycopy(nameIds, 0, ids, 0, e);
            nameIds = ids;
        }
        nameHashes[e] = h;
        nameStarts[e] = start;
        nameLengths[e] = n;
        nameKinds[e] = kind;
        nameSlots[slot] = e + 1;
        if (nameCount * 2 > nameSlots.length) growNameSlots();
        return e;
    }

    /** Whether the {@code n} input bytes at {@code a} and at {@code b} are the same. */
    private boolean sameBytes(int a, int b, int n) {
        byte[] in = input;
        // eight bytes at a time where the input has them (a name is followed by at least its line's newline)
        if (n >= 8) {
            int last = n - 8; // the last eight bytes, overlapping the ones before if n is not a multiple of 8
            for (int i = 0; i < last; i += 8) {
                if (LittleEndian.longAt(in, a + i) != LittleEndian.longAt(in, b + i)) return false;
            }
            return LittleEndian.longAt(in, a + last) == LittleEndian.longAt(in, b + last);
        }
        if (Math.max(a, b) + 8 <= in.length) {
            long diff = LittleEndian.longAt(in, a) ^ LittleEndian.longAt(in, b);
            return (diff & ((1L << (n << 3)) - 1)) == 0; // little-endian: the first n bytes are the low 8n bits
        }
        for (int i = 0; i < n; i++) {
            if (in[a + i] != in[b + i]) return false;
        }
        return true;
    }

    /** Whether the input at {@code start} begins with {@code bytes}. */
    private boolean sameBytes(byte[] bytes, int start) {
        byte[] in = input;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != in[start + i]) return false;
        }
        return true;
    }

    private void growNameSlots() {
        int[] slots = new int[nameSlots.length * 2];
        int mask = slots.length - 1;
        for (int e = 0; e < nameCount; e++) {
            int h = nameHashes[e];
            int s = (h ^ (h >>> 16)) & mask;
            while (slots[s] != 0) s = (s + 1) & mask;
            slots[s] = e + 1;
        }
        nameSlots = slots;
    }

    /**
     * The identifier of the NAME spelling of entry {@code e}, interned per parse as {@code _PyPegen_new_identifier}
     * interns it: made the first time a rule takes a NAME so spelled, then kept in {@link #nameIds}. A non-ASCII
     * name (never kept there) goes through {@link #newIdentifier} each time and is recorded in {@link #otherIds}.
     */
    private String identifier(int e) {
        int start = nameStarts[e];
        int n = nameLengths[e];
        if (org.jpyc.util.AsciiScan.firstNonAscii(input, start, start + n) < start + n) {
            importedUnicodedata = true; // init_normalization, for the NFKC form
            return noteIdentifier(newIdentifier(new String(input, start, n, java.nio.charset.StandardCharsets.UTF_8)));
        }
        String s = new String(input, start, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        nameIds[e] = s;
        return s;
    }

    /**
     * The distinct NAME spellings of this parse ({@link #nameEntry}), keywords included: open addressing by hash
     * (String's own for ASCII text), each slot an entry + 1 or 0, at most half full; and by entry, the spelling's
     * hash, place of its first bytes in the input, length, token kind (NAME or a keyword) and identifier (see
     * {@link #identifier}; null until a rule takes such a NAME, and for keywords and non-ASCII names).
     */
    private int[] nameSlots;
    private int[] nameHashes;
    private int[] nameStarts;
    private int[] nameLengths;
    private int[] nameKinds;
    private String[] nameIds;
    private int nameCount;

    /** Identifiers the ASCII table does not hold: non-ASCII names, dotted names, a sub-parser's names. */
    private Set<String> otherIds;

    /** Records an identifier made outside the ASCII table (CPython interns it as it makes it). */
    final String noteIdentifier(String id) {
        if (otherIds == null) otherIds = new HashSet<>();
        otherIds.add(id);
        return id;
    }

    /** Takes over the identifiers a second parser made for part of this source (3.10/3.11 f-string expressions). */
    final void absorbIdentifiers(ParserRuntime sub) {
        for (String id : sub.identifiers()) noteIdentifier(id);
        importedUnicodedata |= sub.importedUnicodedata;
    }

    /**
     * Whether this parse made CPython's parser import {@code unicodedata}: a non-ASCII identifier
     * ({@code _PyPegen_new_identifier}'s {@code init_normalization}) or a {@code \N{...}} escape in a str literal
     * (the unicode-escape decoder's {@code _PyUnicode_Name_CAPI}). The module stays loaded, and the names of its
     * namespace interned, for the rest of the process, which the marshal forms of the module's strs can show.
     */
    boolean importedUnicodedata;

    /** Notes a str literal's text (or a part of one) decoded with its escapes: see {@link #importedUnicodedata}. */
    final void noteEscapesDecoded(String text) {
        if (!importedUnicodedata && StringParser.hasNamedEscape(text)) importedUnicodedata = true;
    }

    /**
     * Every identifier this parse made, each of which CPython's parser interns as it makes it
     * ({@code _PyPegen_new_identifier} for every NAME a rule takes, soft keywords and names on
     * alternatives that later failed included; {@code _PyPegen_join_names_with_dot} for each prefix of
     * a dotted name). A read-only view over the parser's own tables; valid after parsing.
     */
    final Set<String> identifiers() {
        return new Identifiers(nameSlots, nameIds, nameCount, otherIds);
    }

    /** The identifiers of the name table ({@link #nameIds}, by String's own hash) plus the rest. */
    private static final class Identifiers extends AbstractSet<String> {
        private final int[] slots;
        private final String[] ids;
        private final int count;
        private final Set<String> others;

        Identifiers(int[] slots, String[] ids, int count, Set<String> others) {
            this.slots = slots;
            this.ids = ids;
            this.count = count;
            this.others = others;
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof String s)) return false;
            // the name table first: most names asked about are there
            int h = s.hashCode();
            int mask = slots.length - 1;
            for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
                int e = slots[i] - 1;
                if (e < 0) break;
                if (s.equals(ids[e])) return true;
            }
            return others != null && others.contains(s);
        }

        @Override
        public Iterator<String> iterator() {
            List<String> all = others == null ? new ArrayList<>() : new ArrayList<>(others);
            for (int e = 0; e < count; e++) if (ids[e] != null) all.add(ids[e]);
            return all.iterator();
        }

        @Override
        public int size() {
            int n = others == null ? 0 : others.size();
            for (int e = 0; e < count; e++) if (ids[e] != null) n++;
            return n;
        }
    }

    /** {@code _PyPegen_new_identifier}: non-ASCII identifiers are NFKC-normalised. */
    static String newIdentifier(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
        }
        return s;
    }

    /** {@code &&'x'}: the token must be there, else "expected 'x'" at the current token. */
    final Object expectForcedToken(Object result, String expected) {
        if (result != null) return result;
        Token t = current();
        throw syntaxErrorAt("SyntaxError", "expected '" + expected + "'", t.lineno(), t.colOffset(),
                t.endLineno(), t.endColOffset(), t);
    }

    /** {@link #expectForcedToken} of a token match ({@link #acceptToken}): true, else the error. */
    final boolean expectForcedToken(boolean matched, String expected) {
        if (matched) return true;
        return expectForcedToken(null, expected) != null;
    }

    final Object expectForcedResult(Object result, String expected) {
        if (result != null) return result;
        Token t = current();
        throw syntaxErrorAt("SyntaxError", "expected (" + expected + ")", t.lineno(), t.colOffset(),
                t.endLineno(), t.endColOffset(), t);
    }

    /** A lookahead: restores the mark saved before the item ran; true if the item's success is as wanted. */
    final boolean lookahead(boolean positive, int saved, Object result) {
        mark = saved;
        return (result != null) == positive;
    }

    /**
     * A lookahead on a group (or rule) whose alternatives are each one token of {@code set}: the call
     * would enter (one level deeper, with its depth check) and succeed exactly when the token at the
     * mark is in the set, moving nothing once the lookahead restores the mark.
     */
    final boolean lookaheadSet(boolean positive, long[] set) {
        if (level >= depthLimit) depthExceeded();
        return canStart(set) == positive;
    }

    /** {@link #lookahead} of a token match ({@link #acceptToken}). */
    final boolean lookahead(boolean positive, int saved, boolean matched) {
        mark = saved;
        return matched == positive;
    }

    // ---- positions (EXTRA) ----

    /** {@code _PyPegen_get_last_nonnwhitespace_token}: skips NEWLINE, INDENT, DEDENT and ENDMARKER. */
    final Token lastNonWhitespaceToken() {
        return tokenAt(lastNonWhitespaceIndex());
    }

    /** The index of {@link #lastNonWhitespaceToken}, whose end position EXTRA takes (see {@link #tokEndLineno}). */
    final int lastNonWhitespaceIndex() {
        // Mostly the token before the mark (EXTRA follows a match, past a token): small enough for C1 to inline.
        int m = mark - 1;
        if (!SKIPPED_AT_END[kinds[m]]) return m;
        return lastNonWhitespaceIndexBefore();
    }

    /** By token kind: ENDMARKER, NEWLINE, INDENT and DEDENT, which {@link #lastNonWhitespaceToken} skips. */
    private static final boolean[] SKIPPED_AT_END = new boolean[256];

    static {
        for (TokenType t : new TokenType[] {TokenType.ENDMARKER, TokenType.NEWLINE, TokenType.INDENT, TokenType.DEDENT}) {
            SKIPPED_AT_END[t.ordinal()] = true;
        }
    }

    private int lastNonWhitespaceIndexBefore() {
        int m = mark - 1;
        while (m > 0 && SKIPPED_AT_END[kinds[m]]) m--;
        return m;
    }

    // ---- memo ----

    /**
     * {@code _PyPegen_is_memoized}: whether this slot has a result memoised at the mark (reading the
     * token there first); if so the mark moves past it and {@link #memoResult} returns it.
     */
    final int memoLookup(int slot) {
        // the usual case, nothing known (small enough for C1 to inline); else memoKnownResult
        ensureToken();
        if ((memoKnown[mark] & (1L << slot)) == 0) return -1;
        return memoKnownResult(slot);
    }

    /** {@link #memoLookup} of a slot whose result is known at the mark. */
    private int memoKnownResult(int slot) {
        int at = mark;
        long bit = 1L << slot;
        if ((memoSucceeded[at] & bit) == 0) {
            memoHit = null;
        } else {
            int e = memoEntry(at, bit);
            memoHit = logResults[e];
            mark = logInts[2 * e];
        }
        return slot;
    }

    /** The result {@link #memoLookup} found. */
    final Object memoResult(int slot) {
        return memoHit;
    }

    private Object memoHit;

    /** The log entry of the success memoised for this slot (its bit) at token {@code at} (there is one). */
    private int memoEntry(int at, long bit) {
        int e = memoHead[at];
        while ((logSlots[e] & bit) == 0) e = logInts[2 * e + 1];
        return e;
    }

    /**
     * {@code _PyPegen_insert_memo} / {@code _PyPegen_update_memo}: the result of a slot's rule at token
     * {@code at}, and the mark after it. A failure ({@code null}) is only the known bit (a caller resets
     * the mark after a failure, so where it was left does not matter); a success is a log entry.
     */
    final void memoStore(int at, int slot, Object result, int end) {
        long bit = 1L << slot;
        memoKnown[at] |= bit;
        if ((memoSucceeded[at] & bit) != 0) {
            int e = memoEntry(at, bit);
            if (result == null) {
                memoSucceeded[at] &= ~bit;
                logSlots[e] &= ~bit;
            } else if (logSlots[e] == bit) {
                logResults[e] = result;
                logInts[2 * e] = end;
            } else {
                // an entry shared with other slots: this slot leaves it for one of its own
                logSlots[e] &= ~bit;
                memoAdd(at, bit, result, end);
            }
        } else if (result != null) {
            memoAdd(at, bit, result, end);
        }
    }

    /** {@link #memoStore} of a failure (generated where the result is {@code null}). */
    final void memoFail(int at, int slot) {
        long bit = 1L << slot;
        memoKnown[at] |= bit;
        memoSucceeded[at] &= ~bit;
    }

    /** Whether none of these slots has a result memoised at the mark (a token already read). */
    final boolean memoUnknown(long slots) {
        return (memoKnown[mark] & slots) == 0;
    }

    /** {@link #memoFail} of each of these slots at token {@code at}. */
    final void memoFailAll(int at, long slots) {
        memoKnown[at] |= slots;
        memoSucceeded[at] &= ~slots;
    }

    /** {@link #memoStore} of one success for each of these slots at token {@code at}: one entry if none is known there. */
    final void memoStoreAll(int at, long slots, Object result, int end) {
        if ((memoKnown[at] & slots) != 0) {
            for (long s = slots; s != 0; s &= s - 1) memoStore(at, Long.numberOfTrailingZeros(s), result, end);
            return;
        }
        memoKnown[at] |= slots;
        memoAdd(at, slots, result, end);
    }

    /**
     * A new success of these slots (not known at {@code at} before) at token {@code at}: a log entry in
     * front of the token's others, or the token's newest entry itself when that holds the same result
     * and end (a rule passing up what it called at its start: expression over disjunction, the chain's
     * levels over primary).
     */
    private void memoAdd(int at, long slots, Object result, int end) {
        if (memoSucceeded[at] != 0) {
            int h = memoHead[at];
            if (logResults[h] == result && logInts[2 * h] == end) {
                logSlots[h] |= slots;
                memoSucceeded[at] |= slots;
                return;
            }
        }
        int e = logSize++;
        if (e == logResults.length) growLog();
        logSlots[e] = slots;
        int[] ints = logInts;
        ints[2 * e] = end;
        ints[2 * e + 1] = memoHead[at];
        logResults[e] = result;
        memoHead[at] = e;
        memoSucceeded[at] |= slots;
    }

    /** Doubles the log's arrays (a parse with more memoised successes than any before it on this thread). */
    private void growLog() {
        int size = logResults.length * 2;
        logSlots = Arrays.copyOf(logSlots, size);
        logInts = Arrays.copyOf(logInts, 2 * size);
        Object[] results = new Object[size];
        System.arraycopy(logResults, 0, results, 0, logResults.length);
        logResults = results;
    }

    /**
     * {@code _PyPegen_tokenize_full_source_to_check_for_errors}: tokenizes the rest of the input; a
     * tokenizer error found there replaces {@code err} (an unclosed bracket only if it was opened on
     * a line before the last token read).
     */
    final PyCompileError tokenizeRestForErrors(PyCompileError err) {
        Token cur = tokens.get(tokens.size() - 1);
        try {
            while (tokenizer.next().type() != TokenType.ENDMARKER) {
                // keep going
            }
        } catch (PyCompileError e) {
            // An error the tokenizer raises as an exception stands (from 3.11 it is looked at first). Otherwise, for
            // an error it only reports as a state (E_LINECONT inside brackets, say) and in 3.10 for every error, a
            // bracket still open on a line before the parser's last token is reported instead.
            if (isStateError(e) || !version.has(Feature.TOKENIZER_ERROR_BEFORE_UNCLOSED_BRACKET)) {
                PyCompileError unclosed = tokenizer.unclosedBracketError();
                if (unclosed != null && cur.lineno() > unclosed.lineno()) return unclosed;
            }
            if (isStateError(e)) return err;
            // an error met inside an f-string (such as "expecting '}'") does not replace the parser's
            if (tokenizer.fstringDepth() > 0) return err;
            // verify_identifier's failed PyUnicode_DecodeUTF8 (before 3.14): the parser turns it into "(unicode error)
            // ..." only when it reads the token; here the pending UnicodeDecodeError itself replaces the parser's error
            PyCompileError pending = Tokenizer.pendingDecodeError(e);
            if (pending != null) return pending;
            if (e.pythonMessage().endsWith("' was never closed")) {
                return e.lineno() != null && cur.lineno() > e.lineno() ? e : err;
            }
            return e;
        }
        return err;
    }

    /**
     * Tokenizer errors CPython's tokenizer reports only as a state (E_LINECONT, E_EOF, E_DEDENT, E_TABSPACE,
     * E_TOODEEP: an ERRORTOKEN with no exception set), which the parser turns into a SyntaxError when it
     * reads that token; tokenizing the rest of the source for errors does not see them.
     */
    private static boolean isStateError(PyCompileError e) {
        String m = e.pythonMessage();
        return e.pythonType().equals("TabError") || m.equals("unexpected character after line continuation character")
                || m.equals("unexpected EOF while parsing") || m.equals("unindent does not match any outer indentation level")
                || m.equals("too many levels of indentation");
    }

    final void resetForSecondPass() {
        mark = 0;
        level = 0;
        callInvalidRules = true;
        Arrays.fill(memoKnown, 0L);
        Arrays.fill(memoSucceeded, 0L);
        Arrays.fill(logResults, 0, logSize, null);
        logSize = 0;
    }

    // ---- depth ----

    /**
     * The rule depth at which {@link #enter} stops: MAXSTACK, or less while the parser runs on a
     * thread whose stack may not hold MAXSTACK rule calls (see {@link Parser}); then reaching it
     * throws {@link NeedsDeepStack} and the parse is run again on a thread with a large stack.
     */
    int depthLimit = MAXSTACK;

    /** Thrown when {@link #depthLimit} is below MAXSTACK and is reached: the parse must restart on a deep stack. */
    static final class NeedsDeepStack extends RuntimeException {
        static final NeedsDeepStack INSTANCE = new NeedsDeepStack();

        private NeedsDeepStack() {
            super("rule nesting too deep for this thread's stack", null, false, false);
        }
    }

    final void enter() {
        // Kept within C2's inlining size for call sites that are not hot (MaxInlineSize, 35 bytes).
        if (level >= depthLimit) depthExceeded();
        level++;
    }

    /**
     * Stands for a left-recursive leader's call to itself at the mark from its own body: that call
     * would enter (one level deeper, with its depth check) and find in the memo the seed grown so far
     * ({@code null} in the first round), moving the mark past it.
     */
    final Object seededSelf(Object seed, int seedEnd) {
        if (level >= depthLimit) depthExceeded();
        if (seed != null) mark = seedEnd;
        return seed;
    }

    /**
     * Stands for a call that its FIRST set rules out at the mark: the call would enter (one level
     * deeper, with its depth check) and fail reading the token at the mark.
     */
    final boolean firstless() {
        if (level >= depthLimit) depthExceeded();
        return false;
    }

    /** {@link #firstless()} of an optional item: the call's depth check, then {@code true} (the item matches nothing). */
    final boolean skipped() {
        if (level >= depthLimit) depthExceeded();
        return true;
    }

    /** {@link #firstless()} where the call's result is kept: {@code null}, after the depth check. */
    final Object firstlessNull() {
        firstless();
        return null;
    }

    /**
     * The depth check of a rule call failed (the level before the call is at {@link #depthLimit}): the
     * call's own level is counted, as pegen's {@code p->level++} counts it, then either the parse must
     * restart on a deep stack ({@link NeedsDeepStack}) or, at MAXSTACK, {@code _Pypegen_stack_overflow}:
     * a MemoryError without a position (before 3.12 {@code PyErr_NoMemory}'s, without a message either).
     *
     * <p>The error is made here, not in a helper, which keeps this method over C1's inlining size (35
     * bytecodes, {@code C1MaxInlineSize}): {@link #enter} and the stand-ins for calls ({@link #firstless},
     * {@link #skipped}, {@link #seededSelf}, {@link #lookaheadSet}) are inlined at about 1,300 places of the
     * generated rules, and with this cold path inlined into each (it was, with the increment in a helper of
     * its own) it made 8% of all the bytecode C1 inlined in a batch run, compiled for a path no parse of the
     * stdlib takes.
     */
    private void depthExceeded() {
        level++;
        if (level - 1 < MAXSTACK) throw NeedsDeepStack.INSTANCE;
        throw new PyCompileError("MemoryError", version.has(Feature.PARSER_STACK_OVERFLOW_MESSAGE)
                ? "Parser stack overflowed - Python source too complex to parse" : "", null, null, null, null, -1);
    }

    final void leave() {
        level--;
    }

    // ---- errors ----

    /** A 0-based byte column of an error as pegen reports it: in characters, or as it is (see {@link #offset1}). */
    final int errorCol(int lineno, int byteCol) {
        return errorColumnsInChars ? charCol(lineno, byteCol) : byteCol;
    }

    /** Column in characters (CPython's offsets are 1-based character counts of the line). */
    final int charCol(int lineno, int byteCol) {
        if (byteCol < 0) return byteCol;
        int start = lineStart(lineno);
        int n = 0;
        for (int i = start; i < start + byteCol && i < input.length; i++) {
            if ((input[i] & 0xC0) != 0x80) n++;
        }
        return n;
    }

    /**
     * {@code _PyPegen_byte_offset_to_character_offset}: the characters in the first {@code n} bytes
     * of the error line, where CPython's error line is the source line decoded with
     * {@code errors='replace'} and encoded again (so an invalid byte there counts as the three
     * bytes of U+FFFD). Before 3.13, without a declared encoding, the column stays {@code n}.
     */
    final int offset1(int lineno, int n) {
        if (!errorColumnsInChars) return n;
        int start = lineStart(lineno);
        int end = start;
        while (end < input.length && input[end] != '\n') end++;
        byte[] line = Arrays.copyOfRange(input, start, end);
        String text = new String(line, java.nio.charset.StandardCharsets.UTF_8);
        byte[] fixed = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (Arrays.equals(fixed, line)) return charCol(lineno, n - 1) + 1;
        // A line that is not valid UTF-8: before 3.13 the column stays a byte count.
        if (!version.has(Feature.INVALID_LINE_COLUMNS_IN_CHARS)) return n;
        int m = Math.min(n, fixed.length + 1);
        m = Math.min(m, fixed.length);
        String prefix = new String(fixed, 0, m, java.nio.charset.StandardCharsets.UTF_8);
        return prefix.codePointCount(0, prefix.length()) + (n > fixed.length ? 1 : 0);
    }

    /** Parses a source that is the file with these bytes (see {@link #programFile}). */
    final void programFile(byte[] file) {
        this.programFile = file;
    }

    /**
     * pegen's {@code error_line} for an error starting on line {@code lineno} when the source is a readable file
     * ({@link #programFile}): {@code _PyErr_ProgramDecodedTextObject(filename, lineno, tok->encoding)} reads it from
     * the file ({@link ProgramText}: with its newline, at most 999 bytes), and both columns are counted on it. As
     * UTF-8 bytes ({@code PyUnicode_AsUTF8}); null when the source is not such a file, the file has no such line
     * (pegen then takes the tokenizer's line, as {@link #errorLine} does), or columns stay bytes anyway
     * ({@link #errorColumnsInChars}).
     */
    final byte[] programLine(int lineno) {
        if (programFile == null || !errorColumnsInChars) return null;
        String line = ProgramText.line(programFile, lineno, tokEncoding, version);
        return line == null ? null : line.getBytes(StandardCharsets.UTF_8);
    }

    /** {@link Token#charsOnLine}: {@code _PyPegen_byte_offset_to_character_offset(error_line, n)}. */
    static int charsOn(byte[] line, int n) {
        return Token.charsOnLine(line, n);
    }

    /**
     * A 1-based column {@code _PyPegen_raise_error_known_location} reports for an error that starts on line
     * {@code lineno}, its start or its end, from {@code n} (a 1-based byte column, or a 0-based one for
     * {@code CURRENT_POS}): pegen converts both columns on one error line, the line the error starts on,
     * whatever line it ends on. {@code _PyPegen_byte_offset_to_character_offset} first clamps {@code n} to
     * that line's length + 1 (the terminating NUL then counts as one character), so the end column of a
     * range that ends on a later line is at most one past the end of its first line, and so is a start
     * column taken from another line (3.15's missing comma after an expression spanning lines). Not converted when
     * {@code n <= 0} ({@code end_col_offset > 0}), nor where pegen keeps byte columns (before 3.13 without
     * a declared encoding). The line is the file's when the source is a readable file ({@link #programLine}).
     */
    final int offsetOnErrorLine(int lineno, int n) {
        if (!errorColumnsInChars || n <= 0) return n;
        byte[] fromFile = programLine(lineno);
        if (fromFile != null) return charsOn(fromFile, n);
        byte[] undecodedLine = undecodedErrorLine(lineno);
        if (undecodedLine != null) return charsOn(undecodedLine, n);
        byte[] line = errorLine(lineno);
        String text = new String(line, StandardCharsets.UTF_8);
        byte[] fixed = text.getBytes(StandardCharsets.UTF_8);
        // A line that is not valid UTF-8: before 3.13 the column stays a byte count (see offset1).
        if (!Arrays.equals(fixed, line) && !version.has(Feature.INVALID_LINE_COLUMNS_IN_CHARS)) return n;
        return charsOn(fixed, n);
    }

    /**
     * pegen's {@code error_line} of an error starting on line {@code lineno}, as UTF-8 bytes. While the
     * tokenizer has not read past that line ({@code p->tok->lineno <= lineno}: the last token read ends
     * there), it is the tokenizer's current line, {@code tok->buf} up to {@code tok->inp}, with its newline
     * (the tokenizer's copy of the source ends with one); otherwise {@code get_error_line_from_tokenizer_buffers}
     * cuts the line out of the source without it.
     */
    private byte[] errorLine(int lineno) {
        int start = lineStart(lineno);
        int end = start;
        while (end < input.length && input[end] != '\n') end++;
        if (tokenizerLine() > lineno) return Arrays.copyOfRange(input, start, end);
        int from = errorLineStart(lineno);
        byte[] line = Arrays.copyOfRange(input, from, end + 1);
        line[line.length - 1] = '\n';
        return line;
    }

    /**
     * {@code get_error_line_from_tokenizer_buffers} for a source re-encoded from a declared encoding other than
     * UTF-8, once the tokenizer has left line {@code lineno} (else null): it walks {@code tok->str}, the bytes
     * before re-encoding ({@link DecodedSource#undecoded}), and decodes the line it finds there as UTF-8 with
     * replacement characters, so each byte of the line that is not UTF-8 (a latin-1 letter) is one U+FFFD,
     * three bytes when {@code _PyPegen_byte_offset_to_character_offset} counts the columns (which are byte
     * columns of the re-encoded text) on it. As UTF-8 bytes.
     *
     * <p>From 3.12 to 3.14 ({@link Feature#ERROR_LINE_BEFORE_REENCODING}). Not modelled: 3.10 and 3.11 stop
     * that walk when a newline's address in {@code tok->str} is past {@code tok->inp}, an address in the other,
     * re-encoded buffer, so the line they take depends on where the allocator put the two buffers.
     */
    private byte[] undecodedErrorLine(int lineno) {
        return tokenizerLine() > lineno ? tokenizer.undecodedLine(lineno) : null;
    }

    /**
     * Where {@link #errorLine} starts while the tokenizer is on line {@code lineno}: that line's start, or before
     * 3.13 the tokenizer's {@code tok->buf}, the start of an earlier line when a token or a backslash
     * continuation led onto this one ({@link Feature#ERROR_LINE_IS_ONE_LINE}).
     */
    private int errorLineStart(int lineno) {
        int start = lineStart(lineno);
        if (version.has(Feature.ERROR_LINE_IS_ONE_LINE)) return start;
        return tokenizerLine() == lineno ? Math.min(start, tokenizer.bufferStart()) : start;
    }

    /**
     * Whether pegen counts an error's columns on line {@code lineno} on other text than the line itself: a
     * buffer that starts on an earlier line ({@link #errorLineStart}) or the line before re-encoding
     * ({@link #undecodedErrorLine}).
     */
    final boolean errorLineIsOtherText(int lineno) {
        return errorLineStart(lineno) < lineStart(lineno) || undecodedErrorLine(lineno) != null;
    }

    /** The line the tokenizer is on ({@code p->tok->lineno}): where the last token read ends; 0 before the first. */
    private int tokenizerLine() {
        return filled == 0 ? 0 : tokInts[(filled - 1) * STRIDE + T_END_LINENO];
    }

    /** Byte offset of the start of a 1-based line in the input. */
    final int lineStart(int lineno) {
        if (lineStarts == null) {
            int n = 1;
            for (byte b : input) if (b == '\n') n++;
            lineStarts = new int[n + 1];
            int k = 1;
            lineStarts[0] = 0;
            lineStarts[1] = 0;
            for (int i = 0; i < input.length; i++) {
                if (input[i] == '\n' && k + 1 <= n) lineStarts[++k] = i + 1;
            }
        }
        if (lineno < 1) return 0;
        if (lineno >= lineStarts.length) return input.length;
        return lineStarts[lineno];
    }

    /**
     * A SyntaxError (or subclass) at a byte-column range; like {@code RAISE_ERROR_KNOWN_LOCATION},
     * columns become 1-based character offsets, and an end column of -1 stays unknown.
     */
    final PyCompileError syntaxErrorAt(String type, String msg, int lineno, int colOffset, int endLineno,
                                       int endColOffset, Token at) {
        if (startingLineno != 0) {
            // An f-string expression's parser (before 3.12): the message says so, the columns lose the
            // shift again and are counted on the parser's own text, "(expression)".
            return fstringErrorAt(type, msg, lineno, colOffset, endLineno, endColOffset);
        }
        // RAISE_ERROR_KNOWN_LOCATION adds 1 to both columns, then counts characters; a missing
        // column (-1) thus becomes 0. Both are counted on one line: the file's (programLine), else the tokenizer's.
        int col = colOffset < 0 ? colOffset + 1 : offsetOnErrorLine(lineno, colOffset + 1);
        // The end column is counted on the start's line too.
        int endCol = endColOffset < 0 ? endColOffset + 1 : offsetOnErrorLine(lineno, endColOffset + 1);
        long byteOff = lineStart(lineno) + Math.max(colOffset, 0);
        return new PyCompileError(type, msg, lineno, col, endLineno, endCol, byteOff);
    }

    final PyCompileError fstringErrorAt(String type, String msg, int lineno, int colOffset, int endLineno,
                                          int endColOffset) {
        int local = lineno - startingLineno + 1;
        int localEnd = endLineno - startingLineno + 1;
        // pegen subtracts the shift from both columns whatever they are: an unknown end (-1, which
        // RAISE_ERROR_KNOWN_LOCATION made 0) comes out negative.
        int col = colOffset + 1 - startingColOffset;
        int endCol = endColOffset + 1 - startingColOffset;
        if (col > 0) col = offset1(local, col);
        if (endCol > 0) endCol = offset1(localEnd, endCol);
        return new PyCompileError(type, "f-string: " + msg, lineno, col, endLineno, endCol,
                lineStart(local) + Math.max(colOffset, 0));
    }

    static int lineno(Object o) {
        if (o instanceof Token t) return t.lineno();
        return ((Located) o).lineno();
    }

    static int colOffset(Object o) {
        if (o instanceof Token t) return t.colOffset();
        return ((Located) o).colOffset();
    }

    static int endLineno(Object o) {
        if (o instanceof Token t) return t.endLineno();
        return ((Located) o).rawEndLineno();
    }

    static int endColOffset(Object o) {
        if (o instanceof Token t) return t.endColOffset();
        return ((Located) o).rawEndColOffset();
    }

    static boolean truthy(Object o) {
        if (o instanceof Boolean b) return b;
        if (o instanceof Integer i) return i != 0;
        return o != null;
    }
}
