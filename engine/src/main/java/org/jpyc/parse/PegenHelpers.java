package org.jpyc.parse;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.ast.Alias;
import org.jpyc.ast.Arg;
import org.jpyc.ast.Arguments;
import org.jpyc.ast.AstNode;
import org.jpyc.ast.Attribute;
import org.jpyc.ast.Call;
import org.jpyc.ast.ClassDef;
import org.jpyc.ast.CmpopNode;
import org.jpyc.ast.Comprehension;
import org.jpyc.ast.Constant;
import org.jpyc.ast.ExprContextNode;
import org.jpyc.ast.ExprNode;
import org.jpyc.ast.FormattedValue;
import org.jpyc.ast.FunctionDef;
import org.jpyc.ast.AsyncFunctionDef;
import org.jpyc.ast.ImportFrom;
import org.jpyc.ast.JoinedStr;
import org.jpyc.ast.Keyword;
import org.jpyc.ast.Located;
import org.jpyc.ast.Module;
import org.jpyc.ast.Name;
import org.jpyc.ast.Node;
import org.jpyc.ast.OperatorNode;
import org.jpyc.ast.PatternNode;
import org.jpyc.ast.Starred;
import org.jpyc.ast.StmtNode;
import org.jpyc.ast.Subscript;
import org.jpyc.ast.TemplateStr;
import org.jpyc.ast.Interpolation;
import org.jpyc.ast.Tuple;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyComplex;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.source.DecodedSource;
import org.jpyc.source.PyCompileError;
import org.jpyc.tokenize.Token;
import org.jpyc.tokenize.TokenType;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The helpers the grammar's actions call, each named after the C function of CPython's
 * Parser/action_helpers.c (and the RAISE_* macros of Parser/pegen.h) it mirrors:
 * {@code _PyPegen_seq_insert_in_front} is {@link #seqInsertInFront}, and so on. Values are passed as
 * {@code Object} because the generated rules are untyped; each helper casts to what its C
 * counterpart takes. Intermediate records ({@link CmpopExprPair}, {@link KeyValuePair}, ...) are the
 * C structs of pegen.h.
 */
abstract class PegenHelpers extends ParserRuntime {

    PegenHelpers(DecodedSource source, PyVersion version, String[] keywords, String[] softKeywords, int memoSlots) {
        super(source, version, keywords, softKeywords, memoSlots);
    }

    // ---- the structs of pegen.h ----

    record CmpopExprPair(CmpopNode cmpop, ExprNode expr) {
    }

    record KeyValuePair(ExprNode key, ExprNode value) {
    }

    record KeyPatternPair(ExprNode key, PatternNode pattern) {
    }

    record NameDefaultPair(Arg arg, ExprNode value) {
    }

    record SlashWithDefault(List<Arg> plainNames, List<NameDefaultPair> namesWithDefaults) {
    }

    record StarEtc(Arg vararg, List<NameDefaultPair> kwonlyargs, Arg kwarg) {
    }

    record KeywordOrStarred(Object element, boolean isKeyword) {
    }

    /** A result with the f-string debug text of the token that ended the expression before it. */
    record ResultTokenWithMetadata(Object result, Token token) {
    }

    /** Non-null stand-in for actions-less alternatives of several items ({@code _PyPegen_dummy_name}). */
    static final Object DUMMY = new Object() {
        @Override
        public String toString() {
            return "<dummy>";
        }
    };

    // ---- small generic ones ----

    /**
     * {@code _PyPegen_dummy_name}: pegen's placeholder Name (the func of the Call that carries a call's
     * arguments, the result of an action-less alternative of several items), made once per parser as
     * CPython makes it once; nothing changes it.
     */
    final Object dummyName() {
        Name d = dummy;
        if (d == null) d = dummy = new Name("", ExprContextNode.Load, 1, 0, 1, 0);
        return d;
    }

    private Name dummy;

    static List<Object> seqOrEmpty(Object seq) {
        return seq == null ? new ArrayList<>() : (List<Object>) seq;
    }

    static int seqLen(Object seq) {
        return seq == null ? 0 : ((List<?>) seq).size();
    }

    static Object seqGet(Object seq, int i) {
        return ((List<?>) seq).get(i);
    }

    static Object lastItem(Object seq) {
        List<?> l = (List<?>) seq;
        return l.get(l.size() - 1);
    }

    static Object firstItem(Object seq) {
        return ((List<?>) seq).get(0);
    }

    static Object checkVersion(int minor, String what, Object node) {
        return node;
    }

    final Object newTypeComment(Object tc) {
        return tc == null ? null : ((Token) tc).text(input);
    }

    static Object kindOf(Object o) {
        if (o instanceof OperatorNode op) return op;
        return ((AstNode) o).nodeName();
    }

    static Object keyOf(Object o) {
        return o instanceof KeyValuePair kv ? kv.key() : ((KeyPatternPair) o).key();
    }

    static Object valueOf(Object o) {
        return ((KeyValuePair) o).value();
    }

    static int levelOf(Object o) {
        return ((Token) o).level();
    }

    final String bytesOf(Object o) {
        return ((Token) o).text(input);
    }

    // ---- sequences ----

    static List<Object> singletonSeq(Object a) {
        List<Object> l = new ArrayList<>(1);
        l.add(a);
        return l;
    }

    static List<Object> seqInsertInFront(Object a, Object seq) {
        List<Object> l = new ArrayList<>(1 + seqLen(seq));
        l.add(a);
        if (seq != null) l.addAll((List<?>) seq);
        return l;
    }

    static List<Object> seqAppendToEnd(Object seq, Object a) {
        List<Object> l = new ArrayList<>(seqLen(seq) + 1);
        if (seq != null) l.addAll((List<?>) seq);
        l.add(a);
        return l;
    }

    static List<Object> seqFlatten(Object seqs) {
        // indexed loops into a list of the total size (no iterators, no copies: the batch JVM's C1)
        List<?> outer = (List<?>) seqs;
        int n = outer.size();
        int total = 0;
        for (int i = 0; i < n; i++) {
            Object s = outer.get(i);
            if (s != null) total += ((List<?>) s).size();
        }
        ArrayList<Object> l = new ArrayList<>(total);
        for (int i = 0; i < n; i++) {
            List<?> s = (List<?>) outer.get(i);
            if (s == null) continue;
            for (int j = 0, m = s.size(); j < m; j++) l.add(s.get(j));
        }
        return l;
    }

    static List<Object> joinSequences(Object a, Object b) {
        List<Object> l = new ArrayList<>((List<?>) a);
        l.addAll((List<?>) b);
        return l;
    }

    static int seqCountDots(Object seq) {
        int n = 0;
        for (Object o : (List<?>) seq) {
            Token t = (Token) o;
            n += t.type() == TokenType.ELLIPSIS ? 3 : 1;
        }
        return n;
    }

    static List<Object> mapNamesToIds(Object seq) {
        List<Object> l = new ArrayList<>();
        for (Object o : (List<?>) seq) l.add(((Name) o).id());
        return l;
    }

    // ---- names, targets ----

    /** {@code _PyPegen_join_names_with_dot}: the dotted name, interned as the parser makes it. */
    final Object joinNamesWithDot(Object a, Object b) {
        Name x = (Name) a;
        Name y = (Name) b;
        return new Name(noteIdentifier(x.id() + "." + y.id()), ExprContextNode.Load, x.lineno(), x.colOffset(),
                y.rawEndLineno(), y.rawEndColOffset());
    }

    static Object aliasForStar(int l, int c, int el, int ec) {
        return new Alias("*", null, l, c, el, ec);
    }

    /** {@code _PyPegen_set_expr_context}: a copy of the target with its context (and its elements') set. */
    static Object setExprContext(Object e, Object ctxObj) {
        ExprContextNode ctx = (ExprContextNode) ctxObj;
        ExprNode x = (ExprNode) e;
        ExprNode r;
        if (x instanceof Name n) {
            r = new Name(n.id(), ctx);
        } else if (x instanceof Tuple t) {
            r = new Tuple(setSeqContext(t.elts(), ctx), ctx);
        } else if (x instanceof org.jpyc.ast.List t) {
            r = new org.jpyc.ast.List(setSeqContext(t.elts(), ctx), ctx);
        } else if (x instanceof Subscript s) {
            r = new Subscript(s.value(), s.slice(), ctx);
        } else if (x instanceof Attribute a) {
            r = new Attribute(a.value(), a.attr(), ctx);
        } else if (x instanceof Starred s) {
            r = new Starred((ExprNode) setExprContext(s.value(), ctx), ctx);
        } else {
            return x;
        }
        r.setPosition(x.lineno(), x.colOffset(), x.rawEndLineno(), x.rawEndColOffset());
        return r;
    }

    private static List<ExprNode> setSeqContext(List<ExprNode> elts, ExprContextNode ctx) {
        if (elts == null) return null;
        List<ExprNode> l = new ArrayList<>(elts.size());
        for (ExprNode e : elts) l.add((ExprNode) setExprContext(e, ctx));
        return l;
    }

    static Object augoperator(Object op) {
        return op;
    }

    // ---- comparisons ----

    static Object cmpopExprPair(Object op, Object e) {
        return new CmpopExprPair((CmpopNode) op, (ExprNode) e);
    }

    static List<Object> getCmpops(Object seq) {
        List<Object> l = new ArrayList<>();
        for (Object o : (List<?>) seq) l.add(((CmpopExprPair) o).cmpop());
        return l;
    }

    static List<Object> getExprs(Object seq) {
        List<Object> l = new ArrayList<>();
        for (Object o : (List<?>) seq) l.add(((CmpopExprPair) o).expr());
        return l;
    }

    /**
     * {@code PyPARSE_BARRY_AS_BDFL} in {@code p->flags}: set from 3.13 by the parser itself when it parses
     * {@code from __future__ import barry_as_FLUFL} ({@link #checkedFutureImport}); a compilation's own flags never
     * set it here (py_compile passes none). Kept for the second pass, as {@code p->flags} is.
     */
    private boolean barryAsBdfl;

    /**
     * {@code _PyPegen_check_barry_as_flufl}: true (the alternative fails) for {@code <>} without the flag, and for
     * {@code !=} with it, which is also the error "with Barry as BDFL, use '<>' instead of '!='".
     */
    final Object checkBarryAsFlufl(Object tok) {
        boolean notEqualSpelled = ((Token) tok).text(input).equals("!=");
        if (barryAsBdfl && notEqualSpelled) throw raiseError("SyntaxError", false, "with Barry as BDFL, use '<>' instead of '!='");
        return !barryAsBdfl && !notEqualSpelled;
    }

    // ---- dicts, patterns ----

    static Object keyValuePair(Object k, Object v) {
        return new KeyValuePair((ExprNode) k, (ExprNode) v);
    }

    static List<Object> getKeys(Object seq) {
        List<Object> l = new ArrayList<>();
        if (seq != null) for (Object o : (List<?>) seq) l.add(((KeyValuePair) o).key());
        return l;
    }

    static List<Object> getValues(Object seq) {
        List<Object> l = new ArrayList<>();
        if (seq != null) for (Object o : (List<?>) seq) l.add(((KeyValuePair) o).value());
        return l;
    }

    static Object keyPatternPair(Object k, Object p) {
        return new KeyPatternPair((ExprNode) k, (PatternNode) p);
    }

    static List<Object> getPatternKeys(Object seq) {
        List<Object> l = new ArrayList<>();
        for (Object o : (List<?>) seq) l.add(((KeyPatternPair) o).key());
        return l;
    }

    static List<Object> getPatterns(Object seq) {
        List<Object> l = new ArrayList<>();
        for (Object o : (List<?>) seq) l.add(((KeyPatternPair) o).pattern());
        return l;
    }

    // ---- function parameters ----

    final Object addTypeCommentToArg(Object a, Object tc) {
        if (tc == null) return a;
        Arg x = (Arg) a;
        return new Arg(x.arg(), x.annotation(), ((Token) tc).text(input), x.lineno(), x.colOffset(),
                x.rawEndLineno(), x.rawEndColOffset());
    }

    final Object nameDefaultPair(Object arg, Object value, Object tc) {
        return new NameDefaultPair((Arg) addTypeCommentToArg(arg, tc), (ExprNode) value);
    }

    static Object slashWithDefault(Object plain, Object withDefault) {
        return new SlashWithDefault((List<Arg>) plain, (List<NameDefaultPair>) withDefault);
    }

    static Object starEtc(Object vararg, Object kwonly, Object kwarg) {
        return new StarEtc((Arg) vararg, (List<NameDefaultPair>) kwonly, (Arg) kwarg);
    }

    private static List<Arg> names(List<NameDefaultPair> l) {
        List<Arg> out = new ArrayList<>();
        for (NameDefaultPair p : l) out.add(p.arg());
        return out;
    }

    private static List<ExprNode> values(List<NameDefaultPair> l) {
        List<ExprNode> out = new ArrayList<>();
        for (NameDefaultPair p : l) out.add(p.value());
        return out;
    }

    /** {@code _PyPegen_make_arguments}: positional-only, positional, defaults, star and keyword parts. */
    static Object makeArguments(Object slashWithoutDefault, Object slashWithDefault, Object plainNames,
                                Object namesWithDefault, Object starEtc) {
        SlashWithDefault swd = (SlashWithDefault) slashWithDefault;
        List<NameDefaultPair> nwd = (List<NameDefaultPair>) namesWithDefault;
        StarEtc se = (StarEtc) starEtc;
        List<Arg> posonly = new ArrayList<>();
        if (slashWithoutDefault != null) {
            posonly.addAll((List<Arg>) slashWithoutDefault);
        } else if (swd != null) {
            posonly.addAll(swd.plainNames());
            posonly.addAll(names(swd.namesWithDefaults()));
        }
        List<Arg> posargs = new ArrayList<>();
        if (plainNames != null) posargs.addAll((List<Arg>) plainNames);
        if (nwd != null) posargs.addAll(names(nwd));
        List<ExprNode> posdefaults = new ArrayList<>();
        if (swd != null) posdefaults.addAll(values(swd.namesWithDefaults()));
        if (nwd != null) posdefaults.addAll(values(nwd));
        Arg vararg = se == null ? null : se.vararg();
        List<Arg> kwonly = new ArrayList<>();
        List<ExprNode> kwdefaults = new ArrayList<>();
        if (se != null && se.kwonlyargs() != null) {
            kwonly.addAll(names(se.kwonlyargs()));
            kwdefaults.addAll(values(se.kwonlyargs()));
        }
        Arg kwarg = se == null ? null : se.kwarg();
        return new Arguments(posonly, posargs, vararg, kwonly, kwdefaults, kwarg, posdefaults);
    }

    static Object emptyArguments() {
        return new Arguments(new ArrayList<>(), new ArrayList<>(), null, new ArrayList<>(),
                new ArrayList<>(), null, new ArrayList<>());
    }

    // ---- calls ----

    static Object keywordOrStarred(Object element, Object isKeyword) {
        return new KeywordOrStarred(element, truthy(isKeyword));
    }

    static List<Object> seqExtractStarredExprs(Object seq) {
        List<Object> l = new ArrayList<>();
        if (seq != null) for (Object o : (List<?>) seq) {
            KeywordOrStarred k = (KeywordOrStarred) o;
            if (!k.isKeyword()) l.add(k.element());
        }
        return l.isEmpty() ? null : l;
    }

    static List<Object> seqDeleteStarredExprs(Object seq) {
        List<Object> l = new ArrayList<>();
        if (seq != null) for (Object o : (List<?>) seq) {
            KeywordOrStarred k = (KeywordOrStarred) o;
            if (k.isKeyword()) l.add(k.element());
        }
        return l.isEmpty() ? null : l;
    }

    final Object collectCallSeqs(Object a, Object b, int l, int c, int el, int ec) {
        // without keywords C's Call takes the gathered arguments themselves: a list no one else holds
        if (b == null) return new Call((ExprNode) dummyName(), (List<ExprNode>) a, new ArrayList<>(), l, c, el, ec);
        List<ExprNode> args = new ArrayList<>((List<ExprNode>) a);
        List<Keyword> kws = new ArrayList<>();
        List<Object> starreds = seqExtractStarredExprs(b);
        if (starreds != null) for (Object s : starreds) args.add((ExprNode) s);
        List<Object> k = seqDeleteStarredExprs(b);
        if (k != null) for (Object s : k) kws.add((Keyword) s);
        return new Call((ExprNode) dummyName(), args, kws, l, c, el, ec);
    }

    // ---- definitions, imports, modules ----

    /**
     * {@code _PyPegen_function_def_decorators}. In the second pass {@code function_def_raw} can also be
     * {@code invalid_def_raw}'s action-less alternative, whose value is pegen's dummy name: C reads it
     * as a def anyway and the parse fails later; here it is passed through unchanged.
     */
    static Object functionDefDecorators(Object decorators, Object def) {
        if (def instanceof FunctionDef f) {
            f.setDecoratorList((List<ExprNode>) decorators);
        } else if (def instanceof AsyncFunctionDef f) {
            f.setDecoratorList((List<ExprNode>) decorators);
        }
        return def;
    }

    /** {@code _PyPegen_class_def_decorators}; a non-class (a second-pass dummy) is passed through. */
    static Object classDefDecorators(Object decorators, Object def) {
        if (def instanceof ClassDef c) c.setDecoratorList((List<ExprNode>) decorators);
        return def;
    }

    /** {@code _PyPegen_checked_future_import} (3.13, 3.14): {@link #noteBarryAsFlufl}, then the ImportFrom. */
    final Object checkedFutureImport(Object module, Object names, int level, int l, int c, int el, int ec) {
        noteBarryAsFlufl(module, names, level);
        return new ImportFrom((String) module, (List<Alias>) names, level, null, l, c, el, ec);
    }

    /** {@code from __future__ import barry_as_FLUFL} sets {@code PyPARSE_BARRY_AS_BDFL} for the rest of the parse. */
    private void noteBarryAsFlufl(Object module, Object names, int level) {
        if (level != 0 || !"__future__".equals(module)) return;
        for (Object a : (List<?>) names) {
            if ("barry_as_FLUFL".equals(((Alias) a).name())) barryAsBdfl = true;
        }
    }

    /**
     * 3.15 (PEP 810): the {@code lazy} soft keyword token or null; {@code is_lazy} is 1 or 0, and
     * {@code lazy from __future__ import ...} is refused at the {@code lazy} token.
     */
    final Object checkedFutureImport(Object module, Object names, int level, Object lazy, int l, int c, int el, int ec) {
        if (lazy != null && level == 0 && "__future__".equals(module)) {
            throw knownLocation(lazy, "lazy from __future__ import is not allowed");
        }
        noteBarryAsFlufl(module, names, level);
        return new ImportFrom((String) module, (List<Alias>) names, level, lazy != null ? 1 : 0, l, c, el, ec);
    }

    /**
     * 3.15's {@code _PyPegen_raise_error_for_missing_comma}: "Perhaps you forgot a comma?" between two
     * expressions inside brackets (token level above 0), unless the first is {@code print}/{@code exec}. When
     * the first spans lines (a string concatenation, a bracketed expression), the error is on its last line:
     * from its start column (a byte column of its first line, counted on the last) to its own end, not b's.
     */
    final Object raiseErrorForMissingComma(Object a, Object b) {
        if (checkLegacyStmt(a) || levelOf(tokens.get(mark - 1)) == 0) return null;
        String msg = "invalid syntax. Perhaps you forgot a comma?";
        if (endLineno(a) > lineno(a)) {
            return raiseErrorKnownLocation("SyntaxError", endLineno(a), colOffset(a), endLineno(a), endColOffset(a), msg);
        }
        throw knownRange(a, b, msg);
    }

    static Object makeModule(Object a) {
        return new Module((List<StmtNode>) (Object) seqOrEmpty(a),
                new ArrayList<>());
    }

    final Object interactiveExit() {
        return null;
    }

    static boolean checkLegacyStmt(Object name) {
        if (!(name instanceof Name n)) return false;
        return n.id().equals("print") || n.id().equals("exec");
    }

    // ---- numbers ----

    final Object ensureReal(Object e) {
        if (!(e instanceof Constant c) || c.value() instanceof PyComplex) {
            throw knownLocation(e, "real number required in complex literal");
        }
        return e;
    }

    final Object ensureImaginary(Object e) {
        if (!(e instanceof Constant c) || !(c.value() instanceof PyComplex)) {
            throw knownLocation(e, "imaginary number required in complex literal");
        }
        return e;
    }

    // ---- strings and f-strings ----

    /**
     * {@code string: s=STRING { _PyPegen_constant_from_string(p, s) }} at the mark: the STRING token's
     * Constant, or null if the mark is at no STRING (the generator emits this for that alternative, so
     * the token is read from its row and no Token is made but for an error).
     */
    final Object stringConstant() {
        int i = takeStringToken();
        return i < 0 ? null : constantFromString(i);
    }

    /** {@code _PyPegen_constant_from_string} of the STRING token {@code i}. */
    private Object constantFromString(int i) {
        int start = tokStart(i), end = tokEnd(i);
        org.jpyc.object.PyObject value;
        try {
            int q = start;
            while (input[q] != '\'' && input[q] != '"') q++;
            int ql = end - q >= 6 && input[q + 1] == input[q] && input[q + 2] == input[q] ? 3 : 1;
            int from = q + ql, to = end - ql;
            boolean bytes = isBytesPrefix(input, start, q);
            int body = scanBody(input, from, to);
            // a bytes literal's non-ASCII byte is reported as such, before any decoding; an ASCII body is valid UTF-8
            if (!bytes && (body & NON_ASCII) != 0) StringParser.checkUtf8Literal(input, from, to, isRawPrefix(input, start, q),
                    (body & BACKSLASH) != 0);
            if (!bytes && (body & BACKSLASH) == 0) {
                // a str without escapes (most): its body as it is (what StringParser.parse makes of it)
                value = (body & NON_ASCII) == 0 ? org.jpyc.object.PyStr.ofAscii(input, from, to)
                        : org.jpyc.object.PyStr.ofUtf8(input, from, to); // checked just above
            } else {
                String text = new String(input, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
                value = StringParser.parse(text, version).value();
                if (!bytes && !isRawPrefix(input, start, q)) noteEscapesDecoded(text);
            }
        } catch (StringParser.Failure f) {
            throw knownLocation(tokenAt(i), f.getMessage());
        }
        String kind = input[start] == 'u' ? "u" : null;
        return new Constant(value, kind, tokLineno(i), tokColOffset(i), tokEndLineno(i), tokEndColOffset(i));
    }

    private static final int BACKSLASH = 1, NON_ASCII = 2;

    /** What a literal's body {@code input[from, to)} holds, in one scan: {@link #BACKSLASH}, {@link #NON_ASCII} bits. */
    private static int scanBody(byte[] input, int from, int to) {
        int found = 0;
        for (int i = from; i < to; i++) {
            byte b = input[i];
            if (b == '\\') found |= BACKSLASH;
            else if (b < 0) found |= NON_ASCII;
        }
        return found;
    }

    /** Whether the string prefix {@code input[from, quote)} makes a raw literal. */
    static boolean isRawPrefix(byte[] input, int from, int quote) {
        for (int i = from; i < quote; i++) if (input[i] == 'r' || input[i] == 'R') return true;
        return false;
    }

    /** Whether the string prefix {@code input[from, quote)} makes a bytes literal. */
    static boolean isBytesPrefix(byte[] input, int from, int quote) {
        for (int i = from; i < quote; i++) if (input[i] == 'b' || input[i] == 'B') return true;
        return false;
    }

    /**
     * {@code _PyPegen_constant_from_token}: the token's text as a str. {@code PyUnicode_FromString}
     * decodes its bytes strictly, so invalid UTF-8 (which the tokenizer before 3.14 lets through in an
     * f-string's literal text) is a plain UnicodeDecodeError, positioned within the token.
     */
    final Object constantFromToken(Object tok) {
        Token t = (Token) tok;
        try {
            StringParser.checkUtf8(input, t.start(), t.end());
        } catch (StringParser.Failure f) {
            String m = f.getMessage();
            String bare = m.startsWith("(unicode error) ") ? m.substring("(unicode error) ".length()) : m;
            throw new PyCompileError("UnicodeDecodeError", bare, null, null, null, null, t.start());
        }
        // the token's text (checked just above) as its payload, as constantFromString keeps a literal's body
        int from = t.start(), to = t.end();
        PyStr text = from < 0 ? PyStr.of("", false)
                : org.jpyc.util.AsciiScan.firstNonAscii(input, from, to) == to ? PyStr.ofAscii(input, from, to)
                : PyStr.ofUtf8(input, from, to);
        return new Constant(text, null, t.lineno(), t.colOffset(), t.endLineno(), t.endColOffset());
    }

    final Object decodedConstantFromToken(Object tok) {
        Token t = (Token) tok;
        PyStr s;
        try {
            boolean raw = version.has(Feature.FORMAT_SPEC_KEEPS_RAW) && insideRawString(t);
            s = StringParser.decode(t.text(input), raw, version);
            if (!raw) noteEscapesDecoded(t.text(input));
        } catch (StringParser.Failure f) {
            throw knownLocation(t, f.getMessage());
        }
        return new Constant(s, null, t.lineno(), t.colOffset(), t.endLineno(), t.endColOffset());
    }

    private static boolean isEmptyStr(Object e) {
        return e instanceof Constant c && c.value() instanceof PyStr s && s.length() == 0;
    }

    final Object joinedStr(Object start, Object rawExprs, Object end) {
        Token a = (Token) start;
        Token b = (Token) end;
        List<ExprNode> flat = new ArrayList<>();
        for (Object o : (List<?>) rawExprs) {
            if (o instanceof JoinedStr j) flat.addAll(j.values());
            else flat.add((ExprNode) o);
        }
        String prefix = a.text(input);
        boolean raw = prefix.indexOf('r') >= 0 || prefix.indexOf('R') >= 0;
        List<ExprNode> values = new ArrayList<>();
        for (ExprNode item : flat) {
            if (item instanceof Constant c && (!debugTexts.contains(c) || version.has(Feature.FSTRING_DEBUG_TEXT_DECODED))) {
                item = decodeFstringPart(raw, c, b);
                if (isEmptyStr(item)) continue;
            }
            values.add(item);
        }
        return new JoinedStr(values, a.lineno(), a.colOffset(), b.endLineno(), b.endColOffset());
    }

    private ExprNode decodeFstringPart(boolean raw, Constant c, Token at) {
        String s = ((PyStr) c.value()).value();
        if (s.equals("{{") || s.equals("}}")) s = s.substring(0, 1);
        PyStr v;
        try {
            v = StringParser.decode(s, raw || s.indexOf('\\') < 0, version);
            if (!raw) noteEscapesDecoded(s);
        } catch (StringParser.Failure f) {
            throw knownLocation(at, f.getMessage());
        }
        return new Constant(v, null, c.lineno(), c.colOffset(), c.rawEndLineno(), c.rawEndColOffset());
    }

    final Object checkFstringConversion(Object convToken, Object conv) {
        Token t = (Token) convToken;
        Name n = (Name) conv;
        if (t.lineno() != n.lineno() || t.endColOffset() != n.colOffset()) {
            throw knownRange(t, n, version.has(Feature.CONVERSION_ERROR_STRING_KIND)
                    ? enclosingStringKind(mark) + "-string: conversion type must come right after the exclamation mark"
                    : "f-string: conversion type must come right after the exclamanation mark");
        }
        return new ResultTokenWithMetadata(conv, t);
    }

    final Object setupFullFormatSpec(Object colon, Object spec, int l, int c, int el, int ec) {
        if (version.has(Feature.FORMAT_SPEC_KEEPS_EMPTY_TEXT)) {
            // 3.12: the parts as they are (an empty text after a last replacement field stays), except
            // that a spec of one empty text is an empty JoinedStr.
            List<ExprNode> parts = new ArrayList<>();
            for (Object o : (List<?>) spec) parts.add((ExprNode) o);
            if (parts.size() == 1 && isEmptyStr(parts.get(0))) parts.clear();
            return new ResultTokenWithMetadata(new JoinedStr(parts, l, c, el, ec), (Token) colon);
        }
        List<ExprNode> items = new ArrayList<>();
        for (Object o : (List<?>) spec) {
            if (!isEmptyStr(o)) items.add((ExprNode) o);
        }
        Object res;
        if (items.isEmpty() || (items.size() == 1 && items.get(0) instanceof Constant)) {
            res = new JoinedStr(items, l, c, el, ec);
        } else {
            res = concatenateStrings(items, l, c, el, ec);
        }
        return new ResultTokenWithMetadata(res, (Token) colon);
    }

    /** Debug-text constants: source text, which the enclosing f-string keeps undecoded. */
    private final java.util.Set<Constant> debugTexts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /**
     * The debug text of an f-string expression: the source from after its '{' up to the token, without its
     * comments, each from its '#' to the end of its line, as the lexer drops them from the expression's metadata:
     * until 3.13 at every '#'; from 3.14 only in a text spanning lines, and only outside quotes
     * ({@link Feature#EXPRESSION_TEXT_COMMENTS_OUTSIDE_QUOTES}), where 3.15 also skips an escaped character
     * ({@link Feature#EXPRESSION_TEXT_COMMENTS_ESCAPE_AWARE}).
     */
    private String debugText(int lbraceLine, int lbraceCol, Token end) {
        int from = lineStart(lbraceLine) + lbraceCol + 1;
        String s = new String(input, from, end.start() - from, java.nio.charset.StandardCharsets.UTF_8);
        if (s.indexOf('#') < 0) return s;
        boolean quotes = version.has(Feature.EXPRESSION_TEXT_COMMENTS_OUTSIDE_QUOTES);
        boolean escapes = version.has(Feature.EXPRESSION_TEXT_COMMENTS_ESCAPE_AWARE);
        if (quotes && !escapes && s.indexOf('\n') < 0) return s;
        StringBuilder sb = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                if (escapes && ch == '\\' && i + 1 < s.length()) {
                    sb.append(ch);
                    ch = s.charAt(++i);
                } else if (ch == quote) {
                    quote = 0;
                }
                sb.append(ch);
            } else if (quotes && (ch == '\'' || ch == '"')) {
                quote = ch;
                sb.append(ch);
            } else if (ch == '#') {
                while (i + 1 < s.length() && s.charAt(i + 1) != '\n') i++;
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    final Object formattedValue(Object expression, Object debug, Object conversion, Object format,
                                Object closingBrace, int l, int c, int el, int ec) {
        ResultTokenWithMetadata conv = (ResultTokenWithMetadata) conversion;
        ResultTokenWithMetadata fmt = (ResultTokenWithMetadata) format;
        int convVal = -1;
        if (conv != null) {
            Name n = (Name) conv.result();
            String id = n.id();
            int first = id.codePointAt(0);
            if (id.codePointCount(0, id.length()) > 1 || !(first == 's' || first == 'r' || first == 'a')) {
                char kind = version.has(Feature.CONVERSION_ERROR_STRING_KIND) ? enclosingStringKind(mark) : 'f';
                throw knownLocation(n, kind + "-string: invalid conversion character "
                        + org.jpyc.object.PyRepr.reprStr(PyStr.of(id, false), version)
                        + ": expected 's', 'r', or 'a'");
            }
            convVal = first;
        } else if (debug != null && fmt == null) {
            convVal = 'r';
        }
        FormattedValue fv = new FormattedValue((ExprNode) expression, convVal,
                fmt == null ? null : (ExprNode) fmt.result(), l, c, el, ec);
        if (debug == null) return fv;
        int dl;
        int dc;
        Token metaTok;
        if (conv != null) {
            dl = ((Name) conv.result()).lineno();
            dc = ((Name) conv.result()).colOffset();
            metaTok = conv.token();
        } else if (fmt != null) {
            dl = ((Located) fmt.result()).lineno();
            dc = ((Located) fmt.result()).colOffset() + 1;
            metaTok = fmt.token();
        } else {
            dl = el;
            dc = ec;
            metaTok = (Token) closingBrace;
        }
        Constant text = new Constant(PyStr.of(debugText(l, c, metaTok), false), null, l, c + 1, dl, dc - 1);
        debugTexts.add(text);
        List<ExprNode> values = new ArrayList<>();
        values.add(text);
        values.add(fv);
        return new JoinedStr(values, l, c, dl, dc);
    }

    /** Before 3.12: {@code _PyPegen_concatenate_strings(p, STRING+)}, f-strings scanned by {@link LegacyStrings}. */
    final Object concatenateStrings(Object stringTokens) {
        return LegacyStrings.concatenate(this, (List<Token>) stringTokens);
    }

    /** {@code _PyPegen_concatenate_strings}: adjacent literals joined, f-string parts flattened. */
    final Object concatenateStrings(Object strings, int l, int c, int el, int ec) {
        List<ExprNode> list = (List<ExprNode>) strings;
        boolean fstring = false;
        boolean unicode = false;
        boolean bytes = false;
        for (int i = 0, n = list.size(); i < n; i++) {
            ExprNode e = list.get(i);
            if (e instanceof Constant k) {
                if (k.value() instanceof PyBytes) bytes = true;
                else unicode = true;
            } else {
                fstring = true;
            }
        }
        if ((unicode || fstring) && bytes) {
            throw raiseSyntaxError("cannot mix bytes and nonbytes literals");
        }
        if (bytes) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (ExprNode e : list) out.writeBytes(((PyBytes) ((Constant) e).value()).value());
            return new Constant(new PyBytes(out.toByteArray()), ((Constant) list.get(0)).kind(), l, c, el, ec);
        }
        if (!fstring && list.size() == 1) return list.get(0);
        List<ExprNode> flat = new ArrayList<>();
        for (ExprNode e : list) {
            if (e instanceof JoinedStr j) flat.addAll(j.values());
            else flat.add(e);
        }
        List<ExprNode> values = new ArrayList<>();
        for (int i = 0; i < flat.size(); i++) {
            ExprNode e = flat.get(i);
            if (e instanceof Constant first) {
                if (i + 1 < flat.size() && flat.get(i + 1) instanceof Constant) {
                    StringBuilder sb = new StringBuilder();
                    Constant last = first;
                    int j = i;
                    List<int[]> parts = new ArrayList<>();
                    int total = 0;
                    for (; j < flat.size() && flat.get(j) instanceof Constant k; j++) {
                        int[] cps = ((PyStr) k.value()).codePoints();
                        parts.add(cps);
                        total += cps.length;
                        last = k;
                    }
                    i = j - 1;
                    int[] all = new int[total];
                    int p = 0;
                    for (int[] cps : parts) {
                        System.arraycopy(cps, 0, all, p, cps.length);
                        p += cps.length;
                    }
                    e = new Constant(PyStr.ofCodePoints(all, false), first.kind(), first.lineno(), first.colOffset(),
                            last.endLineno(), last.endColOffset());
                }
                if (fstring && isEmptyStr(e)) continue;
            }
            values.add(e);
        }
        if (!fstring) return values.get(0);
        return new JoinedStr(values, l, c, el, ec);
    }

    // ---- t-strings (PEP 750, 3.14) ----

    /** The FSTRING_START/TSTRING_START of the innermost f-/t-string still open before token {@code upTo}. */
    final Token enclosingStringStart(int upTo) {
        int depth = 0;
        for (int i = Math.min(upTo, tokens.size()) - 1; i >= 0; i--) {
            TokenType ty = tokens.get(i).type();
            if (ty == TokenType.FSTRING_END || ty == TokenType.TSTRING_END) {
                depth++;
            } else if (ty == TokenType.FSTRING_START || ty == TokenType.TSTRING_START) {
                if (depth == 0) return tokens.get(i);
                depth--;
            }
        }
        return null;
    }

    /** 'f' or 't': the kind of the innermost f-/t-string still open before token {@code upTo}. */
    final char enclosingStringKind(int upTo) {
        Token start = enclosingStringStart(upTo);
        return start != null && start.type() == TokenType.TSTRING_START ? 't' : 'f';
    }

    /** Whether the innermost f-/t-string around token {@code tok} has an r/R prefix. */
    private boolean insideRawString(Token tok) {
        int i = tokens.size() - 1;
        while (i >= 0 && tokens.get(i) != tok) i--;
        Token start = enclosingStringStart(i < 0 ? mark : i);
        if (start == null) return false;
        String prefix = start.text(input);
        return prefix.indexOf('r') >= 0 || prefix.indexOf('R') >= 0;
    }

    /** {@code _PyPegen_template_str}: the parts of one t-string, decoded as {@link #joinedStr} does. */
    final Object templateStr(Object start, Object rawExprs, Object end) {
        JoinedStr j = (JoinedStr) joinedStr(start, rawExprs, end);
        return new TemplateStr(j.values(), j.lineno(), j.colOffset(), j.rawEndLineno(), j.rawEndColOffset());
    }

    /**
     * {@code _PyPegen_interpolation}: {@code Interpolation(value, str, conversion, format_spec)}, where str is
     * the source text after '{' up to the conversion, format spec or '}', without comments, and without
     * trailing whitespace and '='. A debug '=' puts the text Constant before it, as for f-strings.
     */
    final Object interpolation(Object expression, Object debug, Object conversion, Object format,
                               Object closingBrace, int l, int c, int el, int ec) {
        ResultTokenWithMetadata conv = (ResultTokenWithMetadata) conversion;
        ResultTokenWithMetadata fmt = (ResultTokenWithMetadata) format;
        int convVal = -1;
        if (conv != null) {
            Name n = (Name) conv.result();
            String id = n.id();
            int first = id.codePointAt(0);
            if (id.codePointCount(0, id.length()) > 1 || !(first == 's' || first == 'r' || first == 'a')) {
                throw knownLocation(n, "t-string: invalid conversion character "
                        + org.jpyc.object.PyRepr.reprStr(PyStr.of(id, false), version)
                        + ": expected 's', 'r', or 'a'");
            }
            convVal = first;
        } else if (debug != null && fmt == null) {
            convVal = 'r';
        }
        Token textEnd = conv != null ? conv.token() : fmt != null ? fmt.token() : (Token) closingBrace;
        String text = debugText(l, c, textEnd);
        String str;
        if (version.has(Feature.INTERPOLATION_STR_KEEPS_SPACE)) {
            // 3.15: the text up to the debug '=' token, or the whole text; whitespace kept.
            str = debug != null ? debugText(l, c, (Token) debug) : text;
        } else {
            int n = text.length();
            while (n > 0 && (text.charAt(n - 1) == '=' || isStrippedSpace(text.charAt(n - 1)))) n--;
            str = text.substring(0, n);
        }
        Interpolation in = new Interpolation((ExprNode) expression, PyStr.of(str, false), convVal,
                fmt == null ? null : (ExprNode) fmt.result(), l, c, el, ec);
        if (debug == null) return in;
        int dl;
        int dc;
        if (conv != null) {
            dl = ((Name) conv.result()).lineno();
            dc = ((Name) conv.result()).colOffset();
        } else if (fmt != null) {
            dl = ((Located) fmt.result()).lineno();
            dc = ((Located) fmt.result()).colOffset() + 1;
        } else {
            dl = el;
            dc = ec;
        }
        Constant dtext = new Constant(PyStr.of(text, false), null, l, c + 1, dl, dc - 1);
        debugTexts.add(dtext);
        List<ExprNode> values = new ArrayList<>();
        values.add(dtext);
        values.add(in);
        return new JoinedStr(values, l, c, dl, dc);
    }

    private static boolean isStrippedSpace(char ch) {
        return Character.isWhitespace(ch) || ch == '\u0085' || ch == '\u00a0';
    }

    /** {@code _PyPegen_concatenate_tstrings}: the parts of adjacent t-strings, neighbouring texts joined. */
    final Object concatenateTstrings(Object tstrings, int l, int c, int el, int ec) {
        List<ExprNode> flat = new ArrayList<>();
        for (Object o : (List<?>) tstrings) flat.addAll(((TemplateStr) o).values());
        List<ExprNode> values = new ArrayList<>();
        for (int i = 0; i < flat.size(); i++) {
            ExprNode e = flat.get(i);
            if (e instanceof Constant first) {
                int j = i;
                Constant last = first;
                int[] all = new int[0];
                for (; j < flat.size() && flat.get(j) instanceof Constant k; j++) {
                    int[] cps = ((PyStr) k.value()).codePoints();
                    int[] grown = java.util.Arrays.copyOf(all, all.length + cps.length);
                    System.arraycopy(cps, 0, grown, all.length, cps.length);
                    all = grown;
                    last = k;
                }
                if (j - i > 1) {
                    e = new Constant(PyStr.ofCodePoints(all, false), first.kind(), first.lineno(), first.colOffset(),
                            last.endLineno(), last.endColOffset());
                }
                i = j - 1;
                if (isEmptyStr(e)) continue;
            }
            values.add(e);
        }
        return new TemplateStr(values, l, c, el, ec);
    }

    /** {@code _PyPegen_register_stmts}: CPython notes the last statement for SyntaxError._metadata only. */
    static Object registerStmts(Object stmts) {
        return stmts;
    }

    // ---- error helpers used by actions ----

    static String getExprName(Object o) {
        ExprNode e = (ExprNode) o;
        return switch (e.nodeName()) {
            case "Attribute" -> "attribute";
            case "Subscript" -> "subscript";
            case "Starred" -> "starred";
            case "Name" -> "name";
            case "List" -> "list";
            case "Tuple" -> "tuple";
            case "Lambda" -> "lambda";
            case "Call" -> "function call";
            case "BoolOp", "BinOp", "UnaryOp" -> "expression";
            case "GeneratorExp" -> "generator expression";
            case "Yield", "YieldFrom" -> "yield expression";
            case "Await" -> "await expression";
            case "ListComp" -> "list comprehension";
            case "SetComp" -> "set comprehension";
            case "DictComp" -> "dict comprehension";
            case "Dict" -> "dict literal";
            case "Set" -> "set display";
            case "JoinedStr", "FormattedValue" -> "f-string expression";
            case "TemplateStr", "Interpolation" -> "t-string expression";
            case "Constant" -> {
                PyObject v = ((Constant) e).value();
                if (v == PyConst.NONE) yield "None";
                if (v == PyConst.FALSE) yield "False";
                if (v == PyConst.TRUE) yield "True";
                if (v == PyConst.ELLIPSIS) yield "ellipsis";
                yield "literal";
            }
            case "Compare" -> "comparison";
            case "IfExp" -> "conditional expression";
            case "NamedExpr" -> "named expression";
            default -> throw new IllegalStateException("unexpected expression in assignment " + e.nodeName());
        };
    }

    static Object getLastComprehensionItem(Object comp) {
        Comprehension c = (Comprehension) comp;
        if (c.ifs() == null || c.ifs().isEmpty()) return c.iter();
        return c.ifs().get(c.ifs().size() - 1);
    }

    static ExprNode getInvalidTarget(ExprNode e, TargetsType type) {
        if (e == null) return null;
        switch (e.nodeName()) {
            case "List", "Tuple" -> {
                List<ExprNode> elts = e instanceof Tuple t ? t.elts() : ((org.jpyc.ast.List) e).elts();
                for (ExprNode x : elts) {
                    ExprNode child = getInvalidTarget(x, type);
                    if (child != null) return child;
                }
                return null;
            }
            case "Starred" -> {
                if (type == TargetsType.DEL_TARGETS) return e;
                return getInvalidTarget(((Starred) e).value(), type);
            }
            case "Compare" -> {
                if (type == TargetsType.FOR_TARGETS) {
                    org.jpyc.ast.Compare c = (org.jpyc.ast.Compare) e;
                    if (c.ops().get(0) == CmpopNode.In) return getInvalidTarget(c.left(), type);
                    return null;
                }
                return e;
            }
            case "Name", "Subscript", "Attribute" -> {
                return null;
            }
            default -> {
                return e;
            }
        }
    }

    final Object argumentsParsingError(Object e) {
        boolean unpacking = false;
        for (Keyword k : ((Call) e).keywords()) if (k.arg() == null) unpacking = true;
        throw raiseSyntaxError(unpacking ? "positional argument follows keyword argument unpacking"
                : "positional argument follows keyword argument");
    }

    final Object nonparenGenexpInCall(Object args, Object comprehensions) {
        List<ExprNode> a = ((Call) args).args();
        if (a.size() <= 1) return null;
        throw knownRange(a.get(a.size() - 1), getLastComprehensionItem(lastItem(comprehensions)),
                "Generator expression must be parenthesized");
    }

    // ---- RAISE_* (pegen.h) ----

    /** {@code CURRENT_POS} of pegen.h: the tokenizer's current position. */
    static final int CURRENT_POS = -5;

    private String format(Object msgObj, Object... args) {
        String msg = String.valueOf(msgObj);
        if (args.length == 0) return msg;
        StringBuilder sb = new StringBuilder();
        int k = 0;
        for (int i = 0; i < msg.length(); i++) {
            char ch = msg.charAt(i);
            if (ch == '%' && i + 1 < msg.length()) {
                char f = msg.charAt(++i);
                if (f == '%') {
                    sb.append('%');
                    continue;
                }
                Object a = args[k++];
                if (f == 'R') sb.append(org.jpyc.object.PyRepr.reprStr(PyStr.of(String.valueOf(a), false), version));
                else sb.append(a);
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** {@code _PyPegen_raise_error}: at the last token read (or the current one when {@code useMark}). */
    final PyCompileError raiseError(String type, boolean useMark, String msg) {
        if (tokens.isEmpty()) return new PyCompileError(type, msg, 0, 0, 0, -1, 0);
        Token t = useMark ? current() : tokens.get(tokens.size() - 1);
        int col;
        if (t.colOffset() == -1) {
            col = -2; // resolved below from the tokenizer position
        } else {
            col = t.colOffset();
        }
        if (col == -2) {
            // INDENT/DEDENT/ENDMARKER have no text: CPython takes the tokenizer's position (tokenizerColumn;
            // 0-based, not made 1-based); both columns are counted on the token's line, as every error's are.
            int endCol = t.endColOffset() < 0 ? -1 : offsetOnErrorLine(t.lineno(), t.endColOffset() + 1);
            return new PyCompileError(type, msg, t.lineno(), offsetOnErrorLine(t.lineno(), tokenizerColumn()),
                    t.endLineno(), endCol, tokenizerCursor());
        }
        return syntaxErrorAt(type, msg, t.lineno(), col, t.endLineno(), t.endColOffset(), t);
    }

    final PyCompileError raiseSyntaxError(Object msg, Object... args) {
        throw raiseError("SyntaxError", false, format(msg, args));
    }

    final PyCompileError raiseIndentationError(Object msg, Object... args) {
        throw raiseError("IndentationError", false, format(msg, args));
    }

    final PyCompileError raiseSyntaxErrorOnNextToken(Object msg, Object... args) {
        throw raiseError("SyntaxError", true, format(msg, args));
    }

    final PyCompileError knownLocation(Object a, String msg) {
        return syntaxErrorAt("SyntaxError", msg, lineno(a), colOffset(a), endLineno(a), endColOffset(a), null);
    }

    final PyCompileError knownRange(Object a, Object b, String msg) {
        return syntaxErrorAt("SyntaxError", msg, lineno(a), colOffset(a), endLineno(b), endColOffset(b), null);
    }

    final Object raiseSyntaxErrorKnownLocation(Object a, Object msg, Object... args) {
        throw knownLocation(a, format(msg, args));
    }

    final Object raiseSyntaxErrorKnownRange(Object a, Object b, Object msg, Object... args) {
        throw knownRange(a, b, format(msg, args));
    }

    final Object raiseSyntaxErrorStartingFrom(Object a, Object msg, Object... args) {
        Token last = tokens.get(tokens.size() - 1);
        int endLine = last.endLineno();
        int endByteCol = last.endColOffset();
        if (startingLineno != 0) {
            // An f-string expression's parser (before 3.12): the end is CURRENT_POS, the tokenizer's
            // column on its own text (the first line's shift not added), and loses the shift once more.
            int local = endLine == startingLineno ? endByteCol - startingColOffset : endByteCol;
            throw fstringErrorAt("SyntaxError", format(msg, args), lineno(a), colOffset(a), endLine, local - 1);
        }
        // CURRENT_POS: the tokenizer's 0-based column, counted on a's line as every end column is (offsetOnErrorLine).
        byte[] fileLine = programLine(lineno(a));
        int col = fileLine != null ? charsOn(fileLine, colOffset(a) + 1)
                : errorLineIsOtherText(lineno(a)) ? offsetOnErrorLine(lineno(a), colOffset(a) + 1)
                : errorCol(lineno(a), colOffset(a)) + 1;
        throw new PyCompileError("SyntaxError", format(msg, args), lineno(a), col, endLine,
                offsetOnErrorLine(lineno(a), endByteCol), lineStart(lineno(a)) + colOffset(a));
    }

    final Object raiseErrorKnownLocation(String type, int lineno, int col, int endLineno, int endCol, Object msg,
                                         Object... args) {
        throw syntaxErrorAt(type, format(msg, args), lineno, col, endLineno, endCol, null);
    }

    /**
     * {@code RAISE_SYNTAX_ERROR_INVALID_TARGET} (pegen.h's {@code _RAISE_SYNTAX_ERROR_INVALID_TARGET}): "cannot
     * assign to" / "cannot delete" at the invalid target, or, when there is none ({@code for i < x}, whose
     * comparison is no target to blame), no error at all: the action's result is NULL, the rule fails, and
     * the generic "invalid syntax" at the first pass's last token follows. (3.9's pegen.h raised "invalid
     * syntax" at the last token read instead; 3.10.8 to 3.15.2 return NULL.)
     */
    final Object raiseSyntaxErrorInvalidTarget(TargetsType type, Object e) {
        ExprNode t = getInvalidTarget((ExprNode) e, type);
        if (t != null) {
            String msg = type == TargetsType.DEL_TARGETS ? "cannot delete %s" : "cannot assign to %s";
            throw knownLocation(t, format(msg, getExprName(t)));
        }
        return null;
    }
}
