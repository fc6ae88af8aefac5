package org.jpyc.conformance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpyc.conformance.corpus.Case;
import org.jpyc.conformance.oracle.Oracle;
import org.jpyc.conformance.oracle.OracleOptions;
import org.jpyc.conformance.oracle.Oracles;
import org.jpyc.conformance.oracle.PycVariant;
import org.jpyc.conformance.oracle.SourceAnswer;
import org.jpyc.conformance.oracle.SourceRequest;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyTuple;
import org.jpyc.pyc.InvalidationMode;
import org.jpyc.pyc.PycFile;
import org.jpyc.source.PyCompileError;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code compile} check with stand-in compilers: CPython's own pycs (from the embedded 3.13 oracle)
 * pass; a pyc changed through the object model fails with the path, the kind and the fields; an absent
 * compiler skips; a compile error CPython raises after parsing is compared field by field.
 */
class CompileCheckTest {
    private static final byte[] SOURCE = ("def outer(a):\n    def inner():\n        return a + 1\n    return inner\n"
            + "class K:\n    'doc'\n    assert K\n").getBytes(StandardCharsets.UTF_8);
    private static final byte[] REJECTED = "def f():\n    x = 1\n    global x\n".getBytes(StandardCharsets.UTF_8);
    private static Oracle oracle;
    private static SourceAnswer good;
    private static SourceAnswer bad;

    @BeforeAll
    static void ask() {
        oracle = Oracles.provider("embedded", OracleOptions.defaults()).open(PyVersion.V3_13);
        List<SourceAnswer> a = oracle.compile(List.of(
                new SourceRequest("pkg/m.py", SOURCE, 1_700_000_000L, PycVariant.all(), true, false),
                new SourceRequest("pkg/bad.py", REJECTED, 1_700_000_000L, PycVariant.all(), true, false)));
        good = a.get(0);
        bad = a.get(1);
    }

    @AfterAll
    static void stop() {
        if (oracle != null) oracle.close();
    }

    private static PycVariant variant(int optimize, InvalidationMode mode) {
        PycVariant.Invalidation inv = switch (mode) {
            case TIMESTAMP -> PycVariant.Invalidation.TIMESTAMP;
            case CHECKED_HASH -> PycVariant.Invalidation.CHECKED_HASH;
            case UNCHECKED_HASH -> PycVariant.Invalidation.UNCHECKED_HASH;
        };
        return new PycVariant(optimize, inv);
    }

    /** CPython's own pyc for the variant asked for. */
    private static final PycCompiler CPYTHON = (src, dfile, v, opt, mode, mtime) -> good.pycs().get(variant(opt, mode));

    private static CheckResult run(PycCompiler c, SourceAnswer answer, byte[] source, PyVersion v) {
        Case k = Case.of("cases/pkg/m.py", "pkg", "pkg/m.py", source);
        return new CompileCheck(c, Set.of(PyVersion.V3_13)).run(new CheckContext(k, v, answer, oracle));
    }

    @Test
    void cpythonsOwnPycsPass() {
        CheckResult r = run(CPYTHON, good, SOURCE, PyVersion.V3_13);
        assertEquals(Status.PASSED, r.status(), r.summary() + "\n" + r.detail());
        assertEquals("9 pyc variants identical", r.summary());
        assertFalse(r.fields().isEmpty());
        assertTrue(r.fields().values().stream().allMatch(b -> b), r.fields().toString());
    }

    @Test
    void aChangedStackSizeAtOptimizeOneIsNamed() {
        PycCompiler changed = (src, dfile, v, opt, mode, mtime) -> {
            byte[] pyc = CPYTHON.pyc(src, dfile, v, opt, mode, mtime);
            if (opt != 1) return pyc;
            PycFile f = PycFile.read(pyc);
            for (PyObject k : ((PyTuple) ((PyCode) f.code()).consts).items()) {
                if (k instanceof PyCode c && c.nameText().equals("outer")) c.stacksize++;
            }
            return f.toBytes();
        };
        CheckResult r = run(changed, good, SOURCE, PyVersion.V3_13);
        assertEquals(Status.FAILED, r.status());
        assertTrue(r.summary().startsWith("variant 1/timestamp: <module>.co_consts[0] <code outer>.co_stacksize: values differ"),
                r.summary());
        assertTrue(r.summary().endsWith("(6/9 variants identical)"), r.summary());
        assertEquals(Boolean.FALSE, r.fields().get("co_stacksize"));
        assertEquals(Boolean.TRUE, r.fields().get("co_code"));
        assertTrue(r.detail().contains("code object <code outer>, disassembled by jpyc:"), r.detail());
    }

    @Test
    void anUnreadablePycIsExplainedByCPythonToo() {
        PycCompiler cut = (src, dfile, v, opt, mode, mtime) -> java.util.Arrays.copyOf(CPYTHON.pyc(src, dfile, v, opt, mode, mtime), 30);
        CheckResult r = run(cut, good, SOURCE, PyVersion.V3_13);
        assertEquals(Status.FAILED, r.status());
        assertTrue(r.summary().contains("cannot compare: actual side"), r.summary());
        assertTrue(r.detail().contains("CPython's view:") && r.detail().contains("CPython cannot load jpyc's file"), r.detail());
        assertTrue(r.fields().values().stream().noneMatch(b -> b));
    }

    @Test
    void engineExceptionsAreFailuresWithTheirText() {
        PycCompiler broken = (src, dfile, v, opt, mode, mtime) -> {
            if (src.length == 0) return CPYTHON.pyc(src, dfile, v, opt, mode, mtime); // the probe
            throw new IllegalStateException("codegen lost its way");
        };
        CheckResult r = run(broken, good, SOURCE, PyVersion.V3_13);
        assertEquals(Status.FAILED, r.status());
        assertTrue(r.summary().contains("IllegalStateException: codegen lost its way"), r.summary());
    }

    @Test
    void anAbsentCompilerAndOtherVersionsAreSkipped() {
        PycCompiler absent = (src, dfile, v, opt, mode, mtime) -> {
            throw new UnsupportedOperationException("Compiler.compile: to be written");
        };
        CheckResult r = run(absent, good, SOURCE, PyVersion.V3_13);
        assertEquals(Status.SKIPPED, r.status());
        assertTrue(r.summary().contains("not available yet") && r.summary().contains("to be written"), r.summary());
        CheckResult other = run(CPYTHON, good, SOURCE, PyVersion.V3_12);
        assertEquals(Status.SKIPPED, other.status());
        assertEquals("jpyc's compiler does not target CPython 3.12 yet", other.summary());
    }

    @Test
    void aCompileErrorAfterParsingIsComparedFieldByField() {
        assertNotNull(bad.compileError());
        assertEquals(null, bad.astError());
        var e = bad.compileError();
        PycCompiler same = (src, dfile, v, opt, mode, mtime) -> {
            if (src.length == 0) return new byte[0];
            throw new PyCompileError(e.type(), e.message(), e.lineno(), e.offset(), e.endLineno(), e.endOffset(), -1);
        };
        CheckResult r = run(same, bad, REJECTED, PyVersion.V3_13);
        assertEquals(Status.PASSED, r.status(), r.summary() + r.detail());
        assertTrue(r.summary().startsWith("SyntaxError("), r.summary());
        PycCompiler shifted = (src, dfile, v, opt, mode, mtime) -> {
            if (src.length == 0) return new byte[0];
            throw new PyCompileError(e.type(), e.message(), e.lineno(), e.offset() + 1, e.endLineno(), e.endOffset(), -1);
        };
        CheckResult s = run(shifted, bad, REJECTED, PyVersion.V3_13);
        assertEquals(Status.FAILED, s.status());
        assertTrue(s.detail().contains("-SyntaxError(") && s.detail().contains("+SyntaxError("), s.detail());
        CheckResult accepted = run(CPYTHON, bad, REJECTED, PyVersion.V3_13);
        assertEquals(Status.FAILED, accepted.status());
        assertTrue(accepted.summary().startsWith("jpyc compiles a source CPython rejects"), accepted.summary());
        assertEquals(Map.of(), accepted.fields());
    }
}
