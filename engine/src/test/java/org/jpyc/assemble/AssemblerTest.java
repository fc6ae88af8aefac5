package org.jpyc.assemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jpyc.code.ExceptionTable;
import org.jpyc.code.Positions;
import org.jpyc.compile.PyCompileOracle;
import org.jpyc.instrseq.CodeUnitMetadata;
import org.jpyc.instrseq.ConstCache;
import org.jpyc.instrseq.Instr;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Location;
import org.jpyc.instrseq.Op;
import org.jpyc.instrseq.OpTable;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyObject;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code _PyAssemble_MakeCodeObject}: synthetic sequences checked by decoding, and CPython's own code objects reassembled. */
class AssemblerTest {
    private static final PyVersion V = PyVersion.V3_13;
    private static final OpTable OPS = OpTable.of(V);

    private static CodeUnitMetadata umd() {
        CodeUnitMetadata m = new CodeUnitMetadata();
        m.name = "f";
        m.qualname = "f";
        m.firstlineno = 1;
        return m;
    }

    private static PyCode assemble(InstrSequence seq) {
        List<PyObject> consts = new ArrayList<>(List.of(PyConst.NONE));
        return Assembler.makeCodeObject(V, umd(), new ConstCache(), consts, 1, seq, 0, 0, "m.py");
    }

    @Test
    void wideJumpsGetExtendedArgUntilSizesSettle() {
        InstrSequence seq = new InstrSequence();
        Location loc = new Location(1, 1, 0, 1);
        int end = seq.newLabel(), top = seq.newLabel();
        seq.useLabel(top);
        seq.addOp(Op.NOP, 0, loc);
        seq.addOp(Op.JUMP, end, loc);
        for (int i = 0; i < 300; i++) seq.addOp(Op.NOP, 0, loc);
        seq.addOp(Op.JUMP, top, loc);
        seq.useLabel(end);
        seq.addOp(Op.RETURN_CONST, 0, loc);
        byte[] code = assemble(seq).codeBytes();
        int ext = OPS.number(Op.EXTENDED_ARG);
        // NOP; EXTENDED_ARG 1; JUMP_FORWARD lo; 300 NOP; EXTENDED_ARG 1; JUMP_BACKWARD lo; CACHE; RETURN_CONST
        assertEquals(ext, code[2] & 0xff);
        assertEquals(OPS.number(Op.JUMP_FORWARD), code[4] & 0xff);
        int fwd = ((code[3] & 0xff) << 8) | (code[5] & 0xff);
        int afterFwd = 3;
        int backAt = afterFwd + 300;
        int retAt = backAt + 2 + OPS.caches(Op.JUMP_BACKWARD);
        assertEquals(retAt - afterFwd, fwd);
        assertEquals(ext, code[2 * backAt] & 0xff);
        assertEquals(OPS.number(Op.JUMP_BACKWARD), code[2 * backAt + 2] & 0xff);
        int back = ((code[2 * backAt + 1] & 0xff) << 8) | (code[2 * backAt + 3] & 0xff);
        assertEquals(backAt + 2 + OPS.caches(Op.JUMP_BACKWARD), back, "back to unit 0 from after the jump's caches");
        assertEquals(OPS.number(Op.RETURN_CONST), code[2 * retAt] & 0xff);
    }

    @Test
    void locationFormsDecodeToTheirLocations() {
        Location[] locs = {
            new Location(1, 1, 4, 9), // short
            new Location(2, 2, 100, 120), // one line
            new Location(2, 2, 3, 90), // long (wide)
            new Location(7, 7, -1, -1), // no columns
            Location.NO_LOCATION,
            new Location(3, 5, 0, 2), // long, several lines
            new Location(1000, 1000, 200, 300), // long, big numbers
        };
        InstrSequence seq = new InstrSequence();
        for (Location l : locs) seq.addOp(Op.NOP, 0, l);
        for (int i = 0; i < 10; i++) seq.addOp(Op.NOP, 0, locs[0]); // a run longer than 8 units
        seq.addOp(Op.RETURN_CONST, 0, locs[0]);
        PyCode c = assemble(seq);
        byte[] lt = ((PyBytes) c.linetable).value();
        List<Positions> pos = new org.jpyc.code.LocationTable(lt, 1, c.codeBytes().length, true).positions();
        assertEquals(seq.size(), pos.size());
        for (int i = 0; i < seq.size(); i++) {
            Location want = seq.get(i).loc;
            Positions p = pos.get(i);
            if (want.isNone()) {
                assertNull(p.line());
                continue;
            }
            assertEquals(want.lineno(), p.line(), "instr " + i);
            assertEquals(want.colOffset() < 0 ? null : (Integer) want.colOffset(), p.col(), "instr " + i);
            assertEquals(want.endColOffset() < 0 ? null : (Integer) want.endColOffset(), p.endCol(), "instr " + i);
        }
    }

    @Test
    void exceptionTableCoversRunsOfOneHandler() {
        InstrSequence seq = new InstrSequence();
        Location loc = new Location(1, 1, 0, 1);
        int handler = seq.newLabel();
        seq.addOp(Op.NOP, 0, loc);
        seq.addOp(Op.NOP, 0, loc);
        seq.addOp(Op.RETURN_CONST, 0, loc);
        seq.useLabel(handler);
        seq.addOp(Op.PUSH_EXC_INFO, 0, loc);
        seq.addOp(Op.RERAISE, 0, loc);
        for (Instr i : List.of(seq.get(0), seq.get(1))) {
            i.handlerLabel = handler;
            i.handlerStartDepth = 2;
            i.handlerPreserveLasti = true;
        }
        PyCode c = assemble(seq);
        List<ExceptionTable.Entry> entries = ExceptionTable.parse(((PyBytes) c.exceptiontable).value());
        assertEquals(List.of(new ExceptionTable.Entry(0, 4, 6, 0, true)), entries);
    }

    @Test
    void sharedTablesAreOneObject() {
        ConstCache cache = new ConstCache();
        PyCode[] cs = new PyCode[2];
        for (int k = 0; k < 2; k++) {
            InstrSequence seq = new InstrSequence();
            seq.addOp(Op.RETURN_CONST, 0, new Location(1, 1, 0, 4));
            cs[k] = Assembler.makeCodeObject(V, umd(), cache, new ArrayList<>(List.of(PyConst.NONE)), 1, seq, 0, 0, "m.py");
        }
        assertSame(cs[0].linetable, cs[1].linetable);
        assertSame(cs[0].consts, cs[1].consts);
        assertSame(cs[0].exceptiontable, cs[1].exceptiontable);
        assertSame(cs[0].filename, cs[1].filename);
        assertEquals(false, cs[0].code == cs[1].code, "co_code is each code object's own copy");
        assertArrayEquals(cs[0].codeBytes(), cs[1].codeBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.13", "3.14"})
    void reassemblesCPythonsCodeObjects(String minor) throws Exception {
        Optional<Path> py = org.jpyc.testing.EmbeddedPython.find(minor);
        assumeTrue(py.isPresent(), "no CPython " + minor);
        Map<String, byte[]> src = new LinkedHashMap<>();
        src.put("small.py", ("def f(a, *b, c, **d):\n    x = [i for i in a if i]\n    def g():\n        return x, a\n"
                + "    try:\n        return g\n    except (KeyError, ValueError) as e:\n        raise\n    finally:\n        print(c)\n"
                + "class K:\n    def m(self):\n        return super().m() + __class__.x\n"
                + "async def h(xs, /, y=2):\n    async for x in xs:\n        if x is None or not y:\n            continue\n"
                + "    async with y as z:\n        return [q async for q in z], x[1:2]\n").getBytes(StandardCharsets.UTF_8));
        src.put("difflib.py", PyCompileOracle.stdlib(py.get(), "difflib.py"));
        for (Map.Entry<String, byte[]> e : PyCompileOracle.pyCompile(py.get(), src, 0).entrySet()) {
            assertNull(AssembleReplay.check(e.getValue()), e.getKey());
        }
    }
}
