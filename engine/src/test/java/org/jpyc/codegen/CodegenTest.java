package org.jpyc.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jpyc.instrseq.Instr;
import org.jpyc.instrseq.InstrSequence;
import org.jpyc.instrseq.Op;
import org.jpyc.instrseq.OpTable;
import org.jpyc.object.PyStr;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The code generator against CPython 3.13.5's and 3.14.3's ({@link CodegenCompare}, when the reference
 * interpreter is installed) and structural invariants of its output (always).
 */
class CodegenTest {
    /** Corpus directories compared in the unit test (the whole corpus and the stdlib: run CodegenCompare). */
    private static final String[] CORPUS_DIRS = {"classes", "functions", "typeparams", "nesting", "control_flow"};

    static Path corpus() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("corpus/cases");
            if (Files.isDirectory(c)) return c;
        }
        return null;
    }

    private static List<Path> corpusFiles() throws Exception {
        Path root = corpus();
        assumeTrue(root != null, "corpus/cases not found");
        List<Path> files = new ArrayList<>();
        for (String d : CORPUS_DIRS) CodegenCompare.collect(root.resolve(d), files);
        return files;
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.13", "3.14"})
    void corpusMatchesCpython(String target) throws Exception {
        PyVersion v = PyVersion.parse(target);
        assumeTrue(CodegenCompare.interpreterPresent(v), "CPython " + target + " not installed");
        List<Path> files = corpusFiles();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        CodegenCompare.Result r = new CodegenCompare(v, 0, true, false, 20, new PrintStream(buf, true, StandardCharsets.UTF_8))
                .run(files);
        assertEquals(files.size(), r.files());
        assertEquals(0, r.unitsDiffering(), () -> buf.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.13", "3.14"})
    void optimizedCorpusMatchesCpython(String target) throws Exception {
        PyVersion v = PyVersion.parse(target);
        assumeTrue(CodegenCompare.interpreterPresent(v), "CPython " + target + " not installed");
        List<Path> files = new ArrayList<>();
        CodegenCompare.collect(corpus().resolve("docstrings"), files);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        CodegenCompare.Result r = new CodegenCompare(v, 2, true, false, 20, new PrintStream(buf, true, StandardCharsets.UTF_8))
                .run(files);
        assertEquals(0, r.unitsDiffering(), () -> buf.toString(StandardCharsets.UTF_8));
    }

    /** Every unit starts with RESUME, binds every label its jumps use, and ends with a return. */
    @Test
    void sequencesAreWellFormed() throws Exception {
        OpTable ops = OpTable.of(CodegenCompare.VERSION);
        int units = 0;
        for (Path f : corpusFiles()) {
            CodegenCompare.Setup s = CodegenCompare.setup(Files.readAllBytes(f), f.toString(), 0, true);
            CodegenCompare.Recorder rec = new CodegenCompare.Recorder();
            s.codegen().setUnitSink(rec);
            try {
                s.codegen().compileModule(s.mod());
            } catch (org.jpyc.source.PyCompileError e) {
                continue;
            }
            assertTrue(s.codegen().unit() == null, "every unit exited");
            List<InstrSequence> todo = new ArrayList<>(List.of(rec.last.instrs));
            while (!todo.isEmpty()) {
                InstrSequence seq = todo.remove(todo.size() - 1);
                todo.addAll(seq.nested());
                units++;
                int first = seq.get(0).op == Op.SETUP_CLEANUP ? 1 : 0; // a generator's handler comes first
                assertEquals(Op.RESUME, seq.get(first).op, f.toString());
                Op last = seq.get(seq.size() - 1).op;
                assertTrue(last == Op.RETURN_VALUE, f + ": ends with " + last);
                for (Instr i : seq.instrs()) {
                    if (ops.hasTarget(i.op)) {
                        int t = seq.labelTarget(i.oparg);
                        assertTrue(t >= 0 && t <= seq.size(), f + ": unbound label in " + i);
                    }
                }
            }
        }
        assertTrue(units > 0);
    }

    /** A left-deep chain of 3000 additions compiles on a small stack (compiled again on a big one). */
    @Test
    void deepExpressionOnSmallStack() throws Exception {
        String src = "x = " + "a+".repeat(3000) + "a\n";
        Object[] out = new Object[1];
        Thread t = new Thread(null, () -> {
            try {
                CodegenCompare.Setup s = CodegenCompare.setup(src.getBytes(StandardCharsets.UTF_8), "deep.py", 0, true);
                CodegenCompare.Recorder rec = new CodegenCompare.Recorder();
                s.codegen().setUnitSink(rec);
                s.codegen().compileModule(s.mod());
                out[0] = rec.last.instrs;
            } catch (Throwable e) {
                out[0] = e;
            }
        }, "small", 256 * 1024);
        t.start();
        t.join();
        assertTrue(out[0] instanceof InstrSequence, () -> String.valueOf(out[0]));
        long adds = ((InstrSequence) out[0]).instrs().stream().filter(i -> i.op == Op.BINARY_OP).count();
        assertEquals(3000, adds);
    }

    /** An already clean docstring is kept as the same object; cleaning is idempotent. */
    @Test
    void cleanDocIsIdempotent() {
        PyStr clean = PyStr.of("Summary.\n\nDetails\n  indented\n", false);
        assertSame(clean, ModuleCodegen.cleanDoc(clean));
        PyStr messy = PyStr.of("  Summary.\n\t  Details\n\t    more\n", false);
        PyStr once = ModuleCodegen.cleanDoc(messy);
        assertNotNull(once);
        assertEquals(once.value(), ModuleCodegen.cleanDoc(once).value());
    }
}
