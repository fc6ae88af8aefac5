package org.jpyc.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jpyc.ast.Constant;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.FormattedValue;
import org.jpyc.ast.JoinedStr;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyStr;
import org.jpyc.source.SourceDecoder;
import org.jpyc.tokenize.Token;
import org.jpyc.version.Feature;

/**
 * {@code _PyPegen_concatenate_strings} before 3.12 (PEP 701), written from the description of CPython
 * 3.11's Parser/string_parser.c: the grammar sees adjacent STRING tokens ({@code strings: STRING+}), and
 * an f-string is one such token whose body is scanned here. Each {@code {expression}} is parsed by a
 * second parser over the text {@code "(" + expression + ")"}, its line 1 placed where the '{' is
 * ({@code fstring_find_expr_location}). Every Constant, FormattedValue and JoinedStr made here spans
 * all the adjacent tokens (first token's start to last token's end), as 3.11 does.
 */
final class LegacyStrings {
    /** string_parser.c's MAXLEVEL: bracket nesting inside one expression. */
    private static final int MAXLEVEL = 200;

    private final PegenHelpers p;
    private final Token first;
    private final Token last;
    /**
     * The token a format spec's JoinedStr and last text span ({@code FstringParser_Finish(p, &state, t, t)} in the
     * spec's {@code fstring_parse}), or null outside a spec: the texts before its fields, and the fields, span all the
     * adjacent tokens.
     */
    private Token specToken;
    private final byte[] in;
    /** The token being scanned and the scan position in {@link #in}. */
    private Token t;
    private int pos;

    private LegacyStrings(PegenHelpers p, Token first, Token last) {
        this.p = p;
        this.first = first;
        this.last = last;
        this.in = p.input;
    }

    /** FstringParser state: the finished parts and the text collected since the last expression. */
    private static final class State {
        final List<ExprNode> parts = new ArrayList<>();
        /** Code points, so that lone surrogates side by side stay two code points. */
        IntBuf lastStr;
        boolean fmode;

        void concat(int[] cps) {
            if (cps.length == 0) return;
            if (lastStr == null) lastStr = new IntBuf();
            lastStr.add(cps);
        }
    }

    private static final class IntBuf {
        int[] a = new int[16];
        int n;

        void add(int[] cps) {
            if (n + cps.length > a.length) a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, n + cps.length));
            System.arraycopy(cps, 0, a, n, cps.length);
            n += cps.length;
        }
    }

    static Object concatenate(PegenHelpers p, List<Token> strings) {
        LegacyStrings ls = new LegacyStrings(p, strings.get(0), strings.get(strings.size() - 1));
        return ls.run(strings);
    }

    private Object run(List<Token> strings) {
        boolean bytesmode = false;
        State state = new State();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < strings.size(); i++) {
            Token tok = strings.get(i);
            int s = tok.start();
            boolean b = false;
            boolean raw = false;
            boolean f = false;
            while (true) {
                byte c = in[s];
                if (c == 'b' || c == 'B') b = true;
                else if (c == 'r' || c == 'R') raw = true;
                else if (c == 'f' || c == 'F') f = true;
                else if (c != 'u' && c != 'U') break;
                s++;
            }
            if (i != 0 && bytesmode != b) throw p.raiseSyntaxError("cannot mix bytes and nonbytes literals");
            bytesmode = b;
            if (f) {
                int ql = tok.end() - s >= 6 && in[s + 1] == in[s] && in[s + 2] == in[s] ? 3 : 1;
                t = tok;
                pos = s + ql;
                concatFstring(state, tok.end() - ql, raw, 0);
            } else {
                // parsestr: a decoding error is RAISE_SYNTAX_ERROR, placed at the last token read.
                StringParser.Literal lit;
                try {
                    int ql = tok.end() - s >= 6 && in[s + 1] == in[s] && in[s + 2] == in[s] ? 3 : 1;
                    if (!b) StringParser.checkUtf8Literal(in, s + ql, tok.end() - ql, raw);
                    lit = StringParser.parse(tok.text(in), p.version);
                    if (!b && !raw) p.noteEscapesDecoded(tok.text(in));
                } catch (StringParser.Failure e) {
                    throw p.raiseSyntaxError(e.getMessage());
                }
                if (b) {
                    bytes.writeBytes(((PyBytes) lit.value()).value());
                } else if (strings.size() == 1) {
                    // one plain string (most of them): its value is the Constant's, no concatenation
                    return new Constant(lit.value(), kind(), first.lineno(), first.colOffset(), last.endLineno(),
                            last.endColOffset());
                } else {
                    state.concat(((PyStr) lit.value()).codePoints());
                }
            }
        }
        if (bytesmode) {
            return new Constant(new PyBytes(bytes.toByteArray()), null, first.lineno(), first.colOffset(),
                    last.endLineno(), last.endColOffset());
        }
        return finish(state);
    }

    private Constant strNode(State state) {
        return strNode(state, first, last);
    }

    /** {@code make_str_node_and_del}: the text collected so far, spanning {@code from}'s start to {@code to}'s end. */
    private Constant strNode(State state, Token from, Token to) {
        int[] cps = java.util.Arrays.copyOf(state.lastStr.a, state.lastStr.n);
        state.lastStr = null;
        return new Constant(PyStr.ofCodePoints(cps, false), kind(), from.lineno(), from.colOffset(), to.endLineno(),
                to.endColOffset());
    }

    /** A str Constant's kind: {@code "u"} if the first token has the u prefix. */
    private String kind() {
        return in[first.start()] == 'u' ? "u" : null;
    }

    private ExprNode finish(State state) {
        if (!state.fmode) {
            if (state.lastStr == null) state.lastStr = new IntBuf();
            return strNode(state);
        }
        if (specToken != null) {
            // FstringParser_Finish(p, &state, t, t): the spec's last text spans its own token too
            if (state.lastStr != null) state.parts.add(strNode(state, specToken, specToken));
            return new JoinedStr(state.parts, specToken.lineno(), specToken.colOffset(), specToken.endLineno(),
                    specToken.endColOffset());
        }
        if (state.lastStr != null) state.parts.add(strNode(state));
        return new JoinedStr(state.parts, first.lineno(), first.colOffset(), last.endLineno(), last.endColOffset());
    }

    private void concatFstring(State state, int end, boolean raw, int level) {
        state.fmode = true;
        while (true) {
            int[][] literal = new int[1][];
            String[] exprText = new String[1];
            ExprNode[] expression = new ExprNode[1];
            int r = findLiteralAndExpr(end, raw, level, literal, exprText, expression);
            if (literal[0] != null) state.concat(literal[0]);
            if (exprText[0] != null) state.concat(exprText[0].codePoints().toArray());
            if (r == 1) continue;
            if (expression[0] == null) break;
            if (state.lastStr != null) state.parts.add(strNode(state));
            state.parts.add(expression[0]);
        }
        if (level == 0 && pos < end - 1) throw p.raiseSyntaxError("f-string: unexpected end of string");
        if (level != 0 && (pos >= end || in[pos] != '}')) throw p.raiseSyntaxError("f-string: expecting '}'");
    }

    private int findLiteralAndExpr(int end, boolean raw, int level, int[][] literal, String[] exprText,
                                   ExprNode[] expression) {
        int r = findLiteral(end, raw, level, literal);
        if (r == 1) return 1;
        if (pos >= end || in[pos] == '}') return 0;
        findExpr(end, raw, level, exprText, expression);
        return 0;
    }

    private int findLiteral(int end, boolean raw, int level, int[][] literal) {
        int s = pos;
        int literalStart = s;
        int result = 0;
        boolean done = false;
        while (s < end) {
            byte ch = in[s++];
            if (!raw && ch == '\\' && s < end) {
                ch = in[s++];
                if (ch == 'N') {
                    if (s < end && in[s++] == '{') {
                        while (s < end && in[s++] != '}') {
                            // skip the name
                        }
                    }
                    continue;
                }
            }
            if (ch == '{' || ch == '}') {
                if (level == 0) {
                    if (s < end && in[s] == ch) {
                        pos = s + 1;
                        result = 1;
                        done = true;
                        break;
                    }
                    if (ch == '}') {
                        pos = s - 1;
                        throw p.raiseSyntaxError("f-string: single '}' is not allowed");
                    }
                }
                s--;
                break;
            }
        }
        if (!done) pos = s;
        if (literalStart != s) {
            String text = new String(in, literalStart, s - literalStart, StandardCharsets.UTF_8);
            try {
                // fstring_find_literal decodes raw text whole, other text run by run of non-ASCII bytes
                if (raw) StringParser.checkUtf8(in, literalStart, s);
                else StringParser.checkUtf8Runs(in, literalStart, s);
                literal[0] = StringParser.decode(text, raw, p.version).codePoints();
                if (!raw) p.noteEscapesDecoded(text);
            } catch (StringParser.Failure f) {
                throw p.raiseSyntaxError(f.getMessage());
            }
        }
        return result;
    }

    private void findExpr(int end, boolean raw, int level, String[] exprText, ExprNode[] expression) {
        if (level >= 2) throw p.raiseSyntaxError("f-string: expressions nested too deeply");
        pos++;
        int exprStart = pos;
        byte quote = 0;
        int stringType = 0;
        int depth = 0;
        byte[] parens = new byte[MAXLEVEL];
        for (; pos < end; pos++) {
            byte ch = in[pos];
            if (ch == '\\') throw p.raiseSyntaxError("f-string expression part cannot include a backslash");
            if (quote != 0) {
                if (ch == quote) {
                    if (stringType == 3) {
                        if (pos + 2 < end && in[pos + 1] == ch && in[pos + 2] == ch) {
                            pos += 2;
                            stringType = 0;
                            quote = 0;
                        }
                    } else {
                        stringType = 0;
                        quote = 0;
                    }
                }
                continue;
            }
            if (ch == '\'' || ch == '"') {
                if (pos + 2 < end && in[pos + 1] == ch && in[pos + 2] == ch) {
                    stringType = 3;
                    pos += 2;
                } else {
                    stringType = 1;
                }
                quote = ch;
            } else if (ch == '[' || ch == '{' || ch == '(') {
                if (depth >= MAXLEVEL) throw p.raiseSyntaxError("f-string: too many nested parenthesis");
                parens[depth++] = ch;
            } else if (ch == '#') {
                throw p.raiseSyntaxError("f-string expression part cannot include '#'");
            } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
                if (pos + 1 < end) {
                    byte next = in[pos + 1];
                    if (next == '=' && (ch == '!' || ch == '=' || ch == '<' || ch == '>')) {
                        pos++;
                        continue;
                    }
                }
                if (ch == '>' || ch == '<') continue;
                break;
            } else if (ch == ']' || ch == '}' || ch == ')') {
                if (depth == 0) throw p.raiseSyntaxError("f-string: unmatched '" + (char) ch + "'");
                byte opening = parens[--depth];
                if (!(opening == '(' && ch == ')' || opening == '[' && ch == ']' || opening == '{' && ch == '}')) {
                    throw p.raiseSyntaxError("f-string: closing parenthesis '" + (char) ch
                            + "' does not match opening parenthesis '" + (char) opening + "'");
                }
            }
        }
        int exprEnd = pos;
        if (quote != 0) throw p.raiseSyntaxError("f-string: unterminated string");
        if (depth != 0) throw p.raiseSyntaxError("f-string: unmatched '" + (char) parens[depth - 1] + "'");
        if (pos >= end) throw expecting();
        ExprNode simple = compileExpr(exprStart, exprEnd);
        if (in[pos] == '=') {
            pos++;
            while (pos < in.length && isSpace(in[pos])) pos++;
            if (pos >= end) throw expecting();
            exprText[0] = new String(in, exprStart, pos - exprStart, StandardCharsets.UTF_8);
        }
        int conversion = -1;
        if (in[pos] == '!') {
            pos++;
            if (pos >= end) throw expecting();
            conversion = in[pos] & 0xff;
            pos++;
            if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
                throw p.raiseSyntaxError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
        }
        ExprNode spec = null;
        if (pos < end && in[pos] == ':') {
            pos++;
            if (pos >= end) throw expecting();
            // The spec's JoinedStr and last text span the current token only; its other texts and its fields all the
            // adjacent tokens, as the f-string's own parts (fstring_parse(..., first_token, t, last_token) for the spec).
            LegacyStrings inner = new LegacyStrings(p, first, last);
            inner.specToken = t;
            inner.t = t;
            inner.pos = pos;
            State st = new State();
            inner.concatFstring(st, end, raw, level + 1);
            pos = inner.pos;
            spec = inner.finish(st);
        }
        if (pos >= end || in[pos] != '}') throw expecting();
        pos++;
        if (exprText[0] != null && spec == null && conversion == -1) conversion = 'r';
        expression[0] = new FormattedValue(simple, conversion, spec, first.lineno(), first.colOffset(),
                last.endLineno(), last.endColOffset());
    }

    private RuntimeException expecting() {
        return p.raiseSyntaxError("f-string: expecting '}'");
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /**
     * {@code fstring_compile_expr}: the expression text parsed as {@code (text)} by a second parser. An
     * empty expression is "f-string: empty expression not allowed"; 3.11 names the character that ends it
     * when that is {@code !}, {@code :} or {@code =} ("f-string: expression required before '!'"), 3.10
     * does not (checked on 3.10.8 and 3.11.3).
     */
    private ExprNode compileExpr(int start, int end) {
        int s = start;
        while (s < end && (in[s] == ' ' || in[s] == '\t' || in[s] == '\n' || in[s] == '\f')) s++;
        if (s == end) {
            byte c = in[end];
            if ((c == '!' || c == ':' || c == '=') && p.version.has(Feature.FSTRING_EXPRESSION_REQUIRED_MESSAGE)) {
                throw p.raiseSyntaxError("f-string: expression required before '" + (char) c + "'");
            }
            throw p.raiseSyntaxError("f-string: empty expression not allowed");
        }
        // fstring_find_expr_location: lines and columns of the '{' within the token.
        int lines = 0;
        int cols = 0;
        int brace = start - 1;
        boolean newlineAfterBrace = true;
        for (int k = brace + 1; k < in.length && in[k] != '}' && in[k] != '\n'; k++) {
            if (in[k] != ' ' && in[k] != '\t' && in[k] != '\f') {
                newlineAfterBrace = false;
                break;
            }
        }
        if (!newlineAfterBrace) {
            int k = brace;
            while (k > t.start() && in[k] != '\n') k--;
            cols += brace - k;
            if (in[k] == '\n') cols -= 1;
        }
        for (int k = t.start(); k < brace; k++) {
            if (in[k] == '\n') lines++;
        }
        byte[] buf = new byte[end - start + 2];
        buf[0] = '(';
        System.arraycopy(in, start, buf, 1, end - start);
        buf[buf.length - 1] = ')';
        PegenHelpers sub = Parser.create(SourceDecoder.decode(buf, p.version), p.version);
        // Its own MAXSTACK count, as CPython's second parser has; on a shallow thread, within what is left.
        if (p.depthLimit < ParserRuntime.MAXSTACK) sub.depthLimit = Math.max(0, p.depthLimit - p.level);
        sub.startingLineno = t.lineno() + lines;
        sub.startingColOffset = lines != 0 ? cols : t.colOffset() + cols;
        Object res = sub.fstringExpressionRule();
        if (res == null) {
            Token lastTok = sub.tokens.get(sub.fill() - 1);
            sub.resetForSecondPass();
            sub.fstringExpressionRule();
            throw sub.syntaxErrorAt("SyntaxError", "invalid syntax", lastTok.lineno(), lastTok.colOffset(),
                    lastTok.endLineno(), lastTok.endColOffset(), lastTok);
        }
        p.absorbIdentifiers(sub);
        return (ExprNode) res;
    }
}
