package org.jpyc.parse;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
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

    /**
     * The minor versions of 3.x with a generated parser (tools/gen_parser.py), each the class
     * {@code Parser3<minor>}. Each is a few hundred KB of bytecode, so a class is loaded only when its
     * version is first parsed (by name, not by a reference here that would load all of them with this class).
     */
    private static final Set<Integer> GENERATED = Set.of(10, 11, 12, 13, 14, 15);

    private static final ConcurrentHashMap<Integer, MethodHandle> CONSTRUCTORS = new ConcurrentHashMap<>();

    private static MethodHandle constructor(int minor) {
        return CONSTRUCTORS.computeIfAbsent(minor, m -> {
            try {
                Class<?> c = Class.forName("org.jpyc.parse.Parser3" + m);
                return MethodHandles.lookup().findConstructor(c, MethodType.methodType(void.class, DecodedSource.class, PyVersion.class))
                        .asType(MethodType.methodType(PegenHelpers.class, DecodedSource.class, PyVersion.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the generated parser for 3." + m + " is missing", e);
            }
        });
    }

    /** A generated parser of this version over this source (nothing parsed yet). */
    static PegenHelpers create(DecodedSource source, PyVersion version) {
        if (!supports(version)) throw new UnsupportedOperationException("no parser for CPython " + version + " yet");
        try {
            return (PegenHelpers) constructor(version.minor()).invokeExact(source, version);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Whether a parser exists for this version. */
    public static boolean supports(PyVersion v) {
        return v.major() == 3 && GENERATED.contains(v.minor());
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
        return parse(SourceDecoder.decode(source, version), version, false, null);
    }

    /**
     * {@link #parseForCompile(byte[], PyVersion)} of a source that is a file: {@code compile(source, filename, "exec")}
     * where {@code filename} names a file CPython can open, as {@code py_compile} of an existing path compiles. pegen
     * then reads the line of an error from that file ({@code _PyErr_ProgramDecodedTextObject}) instead of its own
     * buffers, and counts the error's columns on it, so an end column past the end of its line, or a column on a line
     * longer than 999 bytes, comes out as py_compile reports it (see {@link org.jpyc.source.ProgramText}). The library's
     * {@code Compiler.compile} cannot know whether its filename names a readable file; a caller that does (the CLI)
     * parses again with this entry when compiling fails.
     *
     * @param programFile the bytes of the file the filename names (normally the source itself), or null if it cannot
     *     be read: then as {@link #parseForCompile(byte[], PyVersion)}
     */
    public static ParsedModule parseForCompile(byte[] source, PyVersion version, byte[] programFile) {
        return parse(SourceDecoder.decode(source, version), version, false, programFile);
    }

    private static ParsedModule parse(DecodedSource source, PyVersion version, boolean astParse) {
        return parse(source, version, astParse, null);
    }

    private static ParsedModule parse(DecodedSource source, PyVersion version, boolean astParse, byte[] programFile) {
        if (!supports(version)) {
            throw new UnsupportedOperationException("no parser for CPython " + version + " yet");
        }
        try {
            return parseHere(source, version, SHALLOW_DEPTH, astParse, programFile);
        } catch (ParserRuntime.NeedsDeepStack | StackOverflowError deep) {
            // (A caller already deep in its own stack may overflow even below SHALLOW_DEPTH.)
            return parseOnDeepStack(source, version, astParse, programFile);
        }
    }

    /**
     * Rule depth the parser may reach on the caller's thread: 400 rule frames fit in a 256 KB stack even
     * interpreted (measured with -Xint; Java's default thread stack is 1 MB). Nearly every source stays below it; a deeper one is parsed again from the start
     * (parsing has no side effects) on a thread whose stack holds MAXSTACK rule frames.
     */
    static final int SHALLOW_DEPTH = 400;

    private static ParsedModule parseOnDeepStack(DecodedSource source, PyVersion version, boolean astParse, byte[] programFile) {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                out.set(parseHere(source, version, ParserRuntime.MAXSTACK, astParse, programFile));
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

    private static ParsedModule parseHere(DecodedSource source, PyVersion version, int depthLimit, boolean astParse,
                                          byte[] programFile) {
        PegenHelpers p = create(source, version);
        if (programFile != null) p.programFile(programFile);
        try {
            return parseWith(p, version, depthLimit, astParse);
        } finally {
            p.releaseBuffers();
        }
    }

    private static ParsedModule parseWith(PegenHelpers p, PyVersion version, int depthLimit, boolean astParse) {
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
            return new ParsedModule((ModNode) res, p.identifiers(), p.importedUnicodedata);
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
