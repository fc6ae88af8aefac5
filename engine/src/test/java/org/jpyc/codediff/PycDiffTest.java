package org.jpyc.codediff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.pyc.PycFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PycDiff} on CPython's own pyc against itself with one change made through the object model
 * (the expected bytes come from the interpreter; the changes are structural, never typed bytes).
 */
class PycDiffTest {
    private static final String SOURCE = "import os\nx = 1\ndef outer(a, b=2):\n    def inner():\n        n = 1234567\n        s = 'two words'\n        return n, s\n"
            + "    return inner\nclass C:\n    y = 'two words'\n";
    private static byte[] cpython;

    @BeforeAll
    static void compile() throws Exception {
        Path py = CPythonForTests.python313().orElse(null);
        Assumptions.assumeTrue(py != null, "no embedded CPython 3.13 under ~/.cache/jpyc/cpython");
        cpython = CPythonForTests.pyCompile(py, SOURCE, "m.py", 0, 1_700_000_000L);
    }

    private static PycFile load() {
        return PycFile.read(cpython);
    }

    private static PyCode codeNamed(PyCode c, String name) {
        if (c.nameText().equals(name)) return c;
        for (PyObject k : ((PyTuple) c.consts).items()) {
            if (k instanceof PyCode n) {
                PyCode f = codeNamed(n, name);
                if (f != null) return f;
            }
        }
        return null;
    }

    @Test
    void identicalFilesAgreeEverywhere() {
        PycDiff d = PycDiff.compare(cpython, cpython.clone());
        assertTrue(d.identical());
        assertEquals("identical", d.summary());
        assertTrue(d.agreement().values().stream().allMatch(b -> b));
    }

    @Test
    void aChangedConstantInANestedFunctionIsNamedByPathAndIndex() {
        PycFile f = load();
        PyCode inner = codeNamed((PyCode) f.code(), "inner");
        PyTuple consts = (PyTuple) inner.consts;
        int at = -1;
        for (int i = 0; i < consts.size(); i++) {
            if (consts.get(i) instanceof PyInt n && n.value().intValue() == 1234567) at = i;
        }
        assertTrue(at >= 0, consts.toString());
        PyObject[] items = consts.array().clone();
        items[at] = PyInt.of(1234568);
        inner.consts = PyTuple.over(items, consts.small());
        PycDiff d = PycDiff.compare(cpython, f.toBytes());
        assertFalse(d.identical());
        Difference first = d.first();
        assertEquals(DiffKind.VALUES, first.kind());
        assertTrue(first.path().startsWith("<module>.co_consts["), first.path());
        assertTrue(first.path().contains("<code outer>.co_consts[") && first.path().endsWith("<code inner>.co_consts[" + at + "]"),
                first.path());
        assertEquals("co_consts", first.field());
        assertTrue(first.expected().contains("1234567") && first.actual().contains("1234568"), first.toString());
        assertFalse(d.agreement().get(FieldGroup.CONSTS));
        assertTrue(d.agreement().get(FieldGroup.CODE));
        assertTrue(d.agreement().get(FieldGroup.LINETABLE));
        String text = d.explain("CPython", "jpyc");
        assertTrue(text.contains("code object <code inner>, disassembled by jpyc:"), text);
        assertTrue(text.contains(" | "), text); // the LOAD_CONST line differs
    }

    @Test
    void aChangedLineTableByteIsNamedByOffset() {
        PycFile f = load();
        PyCode outer = codeNamed((PyCode) f.code(), "outer");
        byte[] lt = ((org.jpyc.object.PyBytes) outer.linetable).value().clone();
        lt[lt.length - 1] ^= 1;
        outer.linetable = new org.jpyc.object.PyBytes(lt);
        PycDiff d = PycDiff.compare(cpython, f.toBytes());
        assertEquals(DiffKind.VALUES, d.first().kind());
        assertTrue(d.first().path().endsWith("<code outer>.co_linetable[" + (lt.length - 1) + "]"), d.first().path());
        assertFalse(d.agreement().get(FieldGroup.LINETABLE));
        assertTrue(d.agreement().get(FieldGroup.CONSTS));
    }

    @Test
    void intFieldsAreComparedToo() {
        PycFile f = load();
        PyCode c = codeNamed((PyCode) f.code(), "C");
        c.stacksize += 1;
        PycDiff d = PycDiff.compare(cpython, f.toBytes());
        assertEquals(DiffKind.VALUES, d.first().kind());
        assertTrue(d.first().path().endsWith("<code C>.co_stacksize"), d.first().path());
        assertFalse(d.agreement().get(FieldGroup.STACKSIZE));
        assertTrue(d.agreement().get(FieldGroup.FLAGS));
    }

    @Test
    void aDroppedFlagRefIsAnEncodingDifference() {
        PycFile f = load();
        PyCode outer = codeNamed((PyCode) f.code(), "outer");
        // co_code is always flagged in 3.13 (refcount 2); unflag it
        assertTrue(outer.code.loadedFlagged());
        outer.code.setRefFlag(false);
        PycDiff d = PycDiff.compare(cpython, f.toBytes());
        assertEquals(DiffKind.REFERENCES, d.first().kind(), d.explain("CPython", "jpyc"));
        assertTrue(d.first().path().contains("<code outer>.co_code"), d.first().path());
        assertFalse(d.agreement().get(FieldGroup.REFERENCES));
        assertTrue(d.agreement().get(FieldGroup.CODE));
        assertNotNull(d.referenceProblem());
    }

    @Test
    void aSharedStringWrittenTwiceIsABackReferenceDifference() {
        PycFile f = load();
        PyCode c = codeNamed((PyCode) f.code(), "C");
        PyTuple consts = (PyTuple) c.consts;
        PyObject[] items = consts.array().clone();
        boolean replaced = false;
        for (int i = 0; i < items.length; i++) {
            if (items[i] instanceof PyStr s && s.value().equals("two words")) {
                PyStr copy = new PyStr(s.raw().clone(), s.form());
                copy.setRefFlag(s.refFlag());
                items[i] = copy; // equal value, no longer the object 'inner' holds
                replaced = true;
            }
        }
        assertTrue(replaced);
        c.consts = PyTuple.over(items, consts.small());
        byte[] mine = f.toBytes();
        PycDiff d = PycDiff.compare(cpython, mine);
        assertFalse(Arrays.equals(cpython, mine));
        assertEquals(DiffKind.REFERENCES, d.first().kind(), d.explain("CPython", "jpyc"));
        assertFalse(d.agreement().get(FieldGroup.REFERENCES));
        assertTrue(d.agreement().get(FieldGroup.CONSTS));
    }

    @Test
    void aHeaderOnlyDifference() {
        byte[] other = cpython.clone();
        other[8] ^= 1; // mtime
        PycDiff d = PycDiff.compare(cpython, other);
        assertEquals(DiffKind.HEADER, d.first().kind());
        assertFalse(d.headersEqual());
        assertTrue(d.agreement().values().stream().allMatch(b -> b));
    }

    @Test
    void garbageIsUnreadableNotAnException() {
        byte[] cut = Arrays.copyOf(cpython, 40);
        PycDiff d = PycDiff.compare(cpython, cut);
        assertEquals(DiffKind.UNREADABLE, d.first().kind());
        assertTrue(d.summary().startsWith("cannot compare: actual side"), d.summary());
        assertTrue(d.explain("CPython", "jpyc").contains("jpyc cannot be loaded"));
        assertEquals(DiffKind.UNREADABLE, PycDiff.compare(new byte[3], cpython).first().kind());
    }
}
