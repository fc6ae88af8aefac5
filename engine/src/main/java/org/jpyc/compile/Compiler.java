package org.jpyc.compile;

import org.jpyc.ast.ModNode;
import org.jpyc.astopt.AstOptimizer;
import org.jpyc.codegen.Codegen;
import org.jpyc.marshal.Marshal;
import org.jpyc.marshal.MarshalFormat;
import org.jpyc.object.PyCode;
import org.jpyc.parse.ParsedModule;
import org.jpyc.parse.Parser;
import org.jpyc.pyc.InvalidationMode;
import org.jpyc.pyc.PycHeader;
import org.jpyc.pyc.SourceHash;
import org.jpyc.source.PyCompileError;
import org.jpyc.symtable.FutureFeatures;
import org.jpyc.symtable.SymbolTable;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The compiler's public entry point: Python source to the code object and to the pyc bytes that
 * CPython's {@code py_compile} writes for a target version. The pipeline, in order (each stage its
 * own package): parse, future, astopt, symtable, codegen (with flowgraph and assemble per code unit),
 * then marshal. These signatures are the contract.
 */
public final class Compiler {
    private Compiler() {}

    /** The versions the compiler writes byte-identical pycs for so far: the one list the checks, benchmarks and CLI ask. */
    private static final java.util.Set<PyVersion> TARGETS = java.util.Set.of(PyVersion.V3_10, PyVersion.V3_11, PyVersion.V3_12, PyVersion.V3_13, PyVersion.V3_14, PyVersion.V3_15);

    /** The versions {@link #compile} targets. */
    public static java.util.Set<PyVersion> targets() {
        return TARGETS;
    }

    /** Whether {@link #compile} targets {@code v}. */
    public static boolean targets(PyVersion v) {
        return TARGETS.contains(v);
    }

    /**
     * The versions whose compiler is being written as a delta and is not byte-identical everywhere yet:
     * the conformance suite measures them against its ratchet (a committed list of the cases that pass,
     * which may only grow); the CLI refuses them, so nobody ships their pycs by mistake.
     */
    private static final java.util.Set<PyVersion> IN_PROGRESS = java.util.Set.of();

    /** The versions in progress (see {@link #IN_PROGRESS}); disjoint from {@link #targets()}. */
    public static java.util.Set<PyVersion> inProgress() {
        return IN_PROGRESS;
    }

    /**
     * {@code compile(source, filename, "exec", dont_inherit=True, optimize=optimize)}: {@code _PyAST_Compile}
     * with {@code compiler_setup} (Python/compile.c, 3.13). An {@code optimize} below 0 is the
     * interpreter's own level, 0 for a plain {@code python}.
     * @throws PyCompileError what CPython raises (SyntaxError and friends), with its position
     */
    public static PyCode compile(byte[] source, String filename, PyVersion target, int optimize) {
        return compile(source, filename, target, optimize, Host.PY_COMPILE);
    }

    /**
     * The CPython process whose pyc is the reference. What it has interned before compiling (its loaded
     * modules' strings) decides a few marshal forms (a class body's qualname, frozenset items), so the
     * bytes of a module whose strings those modules share depend on it.
     */
    public enum Host {
        /** {@code py_compile.compile} in a fresh {@code python -s -B -c "import py_compile; ..."} (the default). */
        PY_COMPILE,
        /** {@code python -B -m compileall}, which has also loaded compileall, argparse, filecmp, pathlib and their imports. */
        COMPILEALL,
        /** A worker process of {@code python -B -m compileall -j N}: compileall, multiprocessing and their imports, no argparse. */
        COMPILEALL_WORKER
    }

    /** {@link #compile(byte[], String, PyVersion, int)} as {@code host}'s process compiles. */
    public static PyCode compile(byte[] source, String filename, PyVersion target, int optimize, Host host) {
        int level = optimize < 0 ? 0 : optimize;
        ParsedModule parsed = Parser.parseForCompile(source, target);
        ModNode mod = parsed.module();
        FutureFeatures future = FutureFeatures.fromAst(mod, filename, target);
        AstOptimizer.optimize(mod, level, future.features, target);
        SymbolTable st = SymbolTable.build(mod, filename, future, target);
        Codegen codegen = new Codegen(target, st, future, level, filename);
        // what is interned before the first code object is made: the process's strings, the source's identifiers
        StartupInterned.addTo(codegen.constCache.interned(), target, host);
        if (parsed.importedUnicodedata()) StartupInterned.addUnicodedata(codegen.constCache.interned(), target);
        codegen.constCache.interned().preInternAll(parsed.identifiers());
        PyCode code = codegen.compileModule(mod);
        if (target.has(Feature.CFG_CONST_FOLDING)) SmallInts.share(code, target); // folded constants are made outside the const cache
        return code;
    }

    /**
     * {@code marshal.dumps(code)} as CPython writes it right after compiling (FLAG_REF bits and references).
     * @throws PyCompileError {@code ValueError('object too deeply nested to marshal')} where {@code w_object}
     *     gives up (code objects nested past {@code MAX_MARSHAL_STACK_DEPTH}, e.g. 1000 nested lambdas)
     */
    public static byte[] marshal(PyCode code, PyVersion target) {
        return marshal(code, target, Marshal.NO_PREFIX);
    }

    /** {@link #marshal(PyCode, PyVersion)} after {@code header}, in one array. */
    private static byte[] marshal(PyCode code, PyVersion target, byte[] header) {
        try {
            return Marshal.dump(code, MarshalFormat.forVersion(target), new CompiledRefs(code, target), header);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            if (m != null && m.startsWith(TOO_DEEP)) throw new PyCompileError("ValueError", TOO_DEEP, null, null, null, null, -1);
            throw e;
        }
    }

    private static final String TOO_DEEP = "object too deeply nested to marshal";

    /**
     * {@code py_compile.compile(file, cfile, dfile=filename, optimize=optimize, invalidation_mode=mode)}:
     * the pyc bytes, with a timestamp header ({@code mtime}, the source size) or a hash-based one.
     */
    public static byte[] pyc(byte[] source, String filename, PyVersion target, int optimize, InvalidationMode mode,
            long mtime) {
        PyCode code = compile(source, filename, target, optimize);
        PycHeader header = mode == InvalidationMode.TIMESTAMP
                ? PycHeader.timestamp(target, mtime, source.length)
                : PycHeader.hashBased(target, SourceHash.of(target, source), mode == InvalidationMode.CHECKED_HASH);
        return marshal(code, target, header.toBytes());
    }
}
