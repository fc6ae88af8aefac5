package org.jpyc.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jpyc.assemble.CodeMaker;
import org.jpyc.assemble.CodeMaker310;
import org.jpyc.assemble.CodeParts;
import org.jpyc.instrseq.ConstCache;
import org.jpyc.marshal.Marshal;
import org.jpyc.marshal.MarshalFormat;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyComplex;
import org.jpyc.object.PyConst;
import org.jpyc.object.PyFloat;
import org.jpyc.object.PyInt;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.pyc.PycHeader;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * Checks the identity model (const cache, interning, marshal reference rule) on CPython's own output,
 * independently of codegen: a pyc's code object is loaded, rebuilt as fresh objects with no identity
 * and no interning, then given identity again the way the compiler's {@code makecode} does for each
 * unit (nested units first, constants merged in index order), and marshalled with the compiler's
 * reference rule. The bytes must be the pyc's own.
 *
 * <p>Run as a program over a directory of pycs: {@code IdentityReplay DIR [max-diffs [OUT-DIR]]}.
 */
public final class IdentityReplay {
    private IdentityReplay() {}

    /** The marshal bytes after a replay of {@code pyc}'s code object, and the original ones. */
    public record Outcome(byte[] original, byte[] replayed) {
        public boolean same() {
            return Arrays.equals(original, replayed);
        }

        public int firstDifference() {
            int n = Math.min(original.length, replayed.length);
            for (int i = 0; i < n; i++) if (original[i] != replayed[i]) return i;
            return original.length == replayed.length ? -1 : n;
        }
    }

    public static Outcome run(byte[] pyc) {
        PycHeader h = PycHeader.read(pyc);
        PyVersion v = h.version();
        byte[] body = Arrays.copyOfRange(pyc, h.length(), pyc.length);
        PyCode loaded = (PyCode) Marshal.load(body, v);
        ConstCache cache = new ConstCache(v);
        StartupInterned.addTo(cache.interned(), v);
        preInternIdentifiers(loaded, cache);
        PyCode rebuilt = replay(loaded, cache);
        byte[] out = Compiler.marshal(rebuilt, v);
        return new Outcome(body, out);
    }

    /** The parser interns the source's identifiers first: here, the names the code objects hold. */
    static void preInternIdentifiers(PyCode c, ConstCache cache) {
        for (String n : texts(c.names)) cache.interned().preIntern(n);
        if (c.localsplusnames != null) {
            for (String n : texts(c.localsplusnames)) cache.interned().preIntern(n);
        } else {
            for (PyObject t : new PyObject[] {c.varnames, c.cellvars, c.freevars}) for (String n : texts(t)) cache.interned().preIntern(n);
        }
        cache.interned().preIntern(text(c.name));
        for (PyObject k : ((PyTuple) c.consts).items()) if (k instanceof PyCode nested) preInternIdentifiers(nested, cache);
    }

    /** makecode for {@code c}'s unit after its nested units, with fresh objects. */
    static PyCode replay(PyCode c, ConstCache cache) {
        List<PyObject> consts = new ArrayList<>();
        // a class body's __qualname__ constant is its u_qualname object, before the const cache merges it
        PyStr qualnameObject = null;
        boolean keepsQualname = c.qualname != null && !cache.target().has(Feature.CODE_NAMES_INTERNED)
                && (c.flags & org.jpyc.instrseq.CodeFlags.CO_OPTIMIZED) == 0;
        PyObject previous = null;
        for (PyObject k : ((PyTuple) c.consts).items()) {
            PyObject fresh = k instanceof PyCode nested ? replay(nested, cache) : copy(k);
            // 3.10: MAKE_FUNCTION's qualname constant right after the code is the unit's u_qualname, which for a
            // unit with no enclosing function or class is its u_name object itself (compiler_set_qualname)
            if (c.qualname == null && previous instanceof PyCode made && fresh instanceof PyStr s && s.sameText((PyStr) made.name)) {
                fresh = made.name;
            }
            previous = fresh;
            if (keepsQualname && qualnameObject == null && fresh instanceof PyStr s && s.value().equals(text(c.qualname))) {
                qualnameObject = s;
            }
            consts.add(cache.merge(fresh));
        }
        if (!cache.target().has(Feature.LOCALSPLUS)) {
            return CodeMaker310.make(cache, new CodeMaker310.Parts(text(c.filename), text(c.name), c.flags, c.firstlineno,
                    c.argcount, c.posonlyargcount, c.kwonlyargcount, c.stacksize, bytes(c.code), bytes(c.linetable),
                    texts(c.names), consts, texts(c.varnames), texts(c.cellvars), texts(c.freevars)));
        }
        CodeParts parts = new CodeParts(text(c.filename), text(c.name), text(c.qualname), c.flags, c.firstlineno,
                c.argcount, c.posonlyargcount, c.kwonlyargcount, c.stacksize,
                bytes(c.code), bytes(c.linetable), bytes(c.exceptiontable),
                texts(c.names), consts, texts(c.localsplusnames), bytes(c.localspluskinds),
                qualnameObject);
        return CodeMaker.make(cache, parts);
    }

    /** A fresh copy with no shared parts and no interning. */
    static PyObject copy(PyObject o) {
        if (o instanceof PyConst) return o;
        if (o instanceof PyStr s) return PyStr.ofCodePoints(s.codePoints(), false);
        if (o instanceof PyInt i) return new PyInt(i.value());
        if (o instanceof PyFloat f) return new PyFloat(f.value());
        if (o instanceof PyComplex z) return new PyComplex(z.real(), z.imag());
        if (o instanceof PyBytes b) return new PyBytes(b.value().clone());
        if (o instanceof PyTuple t) {
            List<PyObject> items = new ArrayList<>();
            for (PyObject x : t.items()) items.add(copy(x));
            return new PyTuple(items);
        }
        if (o instanceof PySet s) {
            List<PyObject> items = new ArrayList<>();
            for (PyObject x : s.items()) items.add(copy(x));
            return new PySet(items, s.frozen());
        }
        throw new IllegalArgumentException("constant of type " + o.typeName());
    }

    private static String text(PyObject o) {
        return ((PyStr) o).value();
    }

    private static List<String> texts(PyObject tuple) {
        List<String> out = new ArrayList<>();
        for (PyObject x : ((PyTuple) tuple).items()) out.add(text(x));
        return out;
    }

    private static byte[] bytes(PyObject o) {
        return ((PyBytes) o).value().clone();
    }

    public static void main(String[] args) throws IOException {
        runAll(args, IdentityReplay::run);
    }

    /**
     * A replay over a directory of pycs, as a program: {@code DIR [max-diffs [OUT-DIR]]}. Prints the first
     * differences and a count; with OUT-DIR, writes each replayed pyc that differs there (for {@code jpyc diff}).
     */
    static void runAll(String[] args, java.util.function.Function<byte[], Outcome> replay) throws IOException {
        Path dir = Path.of(args[0]);
        int maxDiffs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path outDir = args.length > 2 ? Path.of(args[2]) : null;
        List<Path> files = org.jpyc.testing.PycTree.list(dir);
        int same = 0, diff = 0, err = 0;
        for (Path p : files) {
            try {
                byte[] pyc = Files.readAllBytes(p);
                Outcome o = replay.apply(pyc);
                if (o.same()) {
                    same++;
                } else if (++diff <= maxDiffs) {
                    int at = o.firstDifference();
                    System.out.println("DIFF " + dir.relativize(p) + " at " + at + " of " + o.original.length + "/"
                            + o.replayed.length + ": cpython " + hex(o.original, at) + " | jpyc " + hex(o.replayed, at));
                    if (outDir != null) {
                        int hl = PycHeader.read(pyc).length();
                        byte[] out = Arrays.copyOf(pyc, hl + o.replayed.length);
                        System.arraycopy(o.replayed, 0, out, hl, o.replayed.length);
                        Path to = outDir.resolve(dir.relativize(p));
                        Files.createDirectories(to.getParent());
                        Files.write(to, out);
                    }
                }
            } catch (RuntimeException e) {
                if (++err <= maxDiffs) System.out.println("ERR " + dir.relativize(p) + ": " + e);
            }
        }
        System.out.println("same " + same + " diff " + diff + " error " + err + " of " + files.size());
    }

    private static String hex(byte[] b, int at) {
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, at - 8); i < Math.min(b.length, at + 16); i++) {
            if (i == at) sb.append('[');
            sb.append(String.format("%02x", b[i] & 0xff));
            if (i == at) sb.append(']');
            sb.append(' ');
        }
        return sb.toString();
    }
}
