package org.jpyc.parse;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.jpyc.ast.ModNode;
import org.jpyc.source.DecodedSource;
import org.jpyc.source.PyCompileError;
import org.jpyc.source.SourceDecoder;
import org.jpyc.tokenize.Token;
import org.jpyc.tokenize.TokenType;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * {@code ast.parse(source_bytes)} of a CPython version: the module, or the {@link PyCompileError}
 * CPython raises. Parsing runs as pegen does: a first pass without the {@code invalid_*} rules; if it
 * fails, a second pass with them, which raises the specific error, else "invalid syntax" at the last
 * token the first pass read. The recursive-descent rules run on the caller's thread up to a modest
 * depth, and a source that nests deeper is parsed on a thread with a large stack, so that CPython's
 * own depth limit ({@code MAXSTACK}) is always reached before the Java stack runs out.
 */
public final class Parser {
    /** Enough for MAXSTACK nested rule calls of the generated parser. */
    private static final long STACK_BYTES = 128L * 1024 * 1024;

    private Parser() {
    }

    /** The generated parser of each supported CPython version (tools/gen_parser.py), by minor version of 3.x. */
    private static final Map<Integer, BiFunction<DecodedSource, PyVersion, PegenHelpers>> GENERATED = Map.of(
            10, Parser310::new,
            11, Parser311::new,
            12, Parser312::new,
            13, Parser313::new,
            14, Parser314::new,
            15, Parser315::new);

    /** A generated parser of this version over this source (nothing parsed yet). */
    static PegenHelpers create(DecodedSource source, PyVersion version) {
        return GENERATED.get(version.minor()).apply(source, version);
    }

    /** Whether a parser exists for this version. */
    public static boolean supports(PyVersion v) {
        return v.major() == 3 && GENERATED.containsKey(v.minor());
    }

    /** Decodes and parses source bytes as {@code ast.parse(source_bytes)} does ({@code exec} mode). */
    public static ModNode parse(byte[] source, PyVersion version) {
        return parse(SourceDecoder.decode(source, version), version);
    }

    public static ModNode parse(DecodedSource source, PyVersion version) {
        return parse(source, version, true).module();
    }

    /**
     * Decodes and parses source bytes as {@code compile(source, filename, "exec")} does: the tree goes to
     * the compiler, not through {@code ast2obj}, so the depth limit of {@link AstDepth} does not apply; the compiler's own stages raise their
     * "maximum recursion depth exceeded during compilation" instead.
     */
    public static ParsedModule parseForCompile(byte[] source, PyVersion version) {
        return parse(SourceDecoder.decode(source, version), version, false);
    }

    private static ParsedModule parse(DecodedSource source, PyVersion version, boolean astParse) {
        if (!supports(version)) {
            throw new UnsupportedOperationException("no parser for CPython " + version + " yet");
        }
        try {
            return parseHere(source, version, SHALLOW_DEPTH, astParse);
        } catch (ParserRuntime.NeedsDeepStack | StackOverflowError deep) {
            // (A caller already deep in its own stack may overflow even below SHALLOW_DEPTH.)
            return parseOnDeepStack(source, version, astParse);
        }
    }

    /**
     * Rule depth the parser may reach on the caller's thread: 400 rule frames fit in a 256 KB stack even
     * interpreted (measured with -Xint; Java's default thread stack is 1 MB). Nearly every source stays below it; a deeper one is parsed again from the start
     * (parsing has no side effects) on a thread whose stack holds MAXSTACK rule frames.
     */
    static final int SHALLOW_DEPTH = 400;

    private static ParsedModule parseOnDeepStack(DecodedSource source, PyVersion version, boolean astParse) {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                out.set(parseHere(source, version, ParserRuntime.MAXSTACK, astParse));
            } catch (RuntimeException | StackOverflowError e) {
                out.set(e);
            }
        }, "jpyc-parser", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing", e);
        }
        Object r = out.get();
        if (r instanceof RuntimeException e) throw e;
        if (r instanceof StackOverflowError e) throw new IllegalStateException("parser stack exhausted", e);
        return (ParsedModule) r;
    }

    private static boolean isSyntaxError(PyCompileError e) {
        String t = e.pythonType();
        return t.equals("SyntaxError") || t.equals("IndentationError") || t.equals("TabError");
    }

    private static ParsedModule parseHere(DecodedSource source, PyVersion version, int depthLimit, boolean astParse) {
        PegenHelpers p = GENERATED.get(version.minor()).apply(source, version);
        p.depthLimit = depthLimit;
        Object res;
        try {
            res = p.startRule(ParserRuntime.StartRule.FILE);
        } catch (PyCompileError e) {
            // A SyntaxError an action raised in the first pass stands, unless the rest of the source
            // has a tokenizer error (_PyPegen_set_syntax_error).
            if (p.tokenizerFailed || !isSyntaxError(e)) throw e;
            throw p.tokenizeRestForErrors(e);
        }
        if (res != null) {
            if (astParse) AstDepth.check((ModNode) res, version);
            if (version.has(Feature.AST_PARSE_CHECKS_FUTURE)) FutureCheck.check((ModNode) res);
            return new ParsedModule((ModNode) res, p.identifiers());
        }
        // pegen's second pass: the same tokens, invalid_* rules on.
        Token last = p.tokens.get(p.fill() - 1);
        p.resetForSecondPass();
        try {
            p.startRule(ParserRuntime.StartRule.FILE);
        } catch (PyCompileError e) {
            if (p.tokenizerFailed) throw e;
            throw p.tokenizeRestForErrors(e);
        }
        if (last.type() == TokenType.INDENT || last.type() == TokenType.DEDENT) {
            throw p.raiseError("IndentationError", false,
                    last.type() == TokenType.INDENT ? "unexpected indent" : "unexpected unindent");
        }
        PyCompileError generic = p.syntaxErrorAt("SyntaxError", "invalid syntax", last.lineno(), last.colOffset(),
                last.endLineno(), last.endColOffset(), last);
        throw p.tokenizeRestForErrors(generic);
    }
}
