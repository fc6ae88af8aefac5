package org.jpyc.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jpyc.marshal.Marshal;
import org.jpyc.object.PyBytes;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyComplex;
import org.jpyc.object.PyFloat;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.pyc.PycHeader;
import org.jpyc.version.PyVersion;

/**
 * Compiles every source of a tree with {@link Compiler} and compares the marshal data with the pycs
 * CPython wrote for it, naming for each mismatch the first code object field that differs (nested
 * code objects first), or IDENTITY-ONLY when the objects are equal and only references or interning
 * differ. Usage: {@code PycDirCompare SOURCE_ROOT PYC_DIR OPTIMIZE [examples]}, where PYC_DIR holds
 * {@code rel/path.pyc} for each {@code rel/path.py} (py_compile with dfile=rel/path.py).
 */
public final class PycDirCompare {
    private PycDirCompare() {}

    /** The first differing field of {@code a} (CPython's) and {@code b} (jpyc's), nested code objects first; null if none. */
    static String firstDiff(PyCode a, PyCode b) {
        List<PyObject> ka = ((PyTuple) a.consts).items(), kb = ((PyTuple) b.consts).items();
        for (int i = 0; i < Math.min(ka.size(), kb.size()); i++) {
            if (ka.get(i) instanceof PyCode ca && kb.get(i) instanceof PyCode cb) { String d = firstDiff(ca, cb); if (d != null) return d; }
        }
        if (!Arrays.equals(a.codeBytes(), b.codeBytes())) return "co_code";
        if (!repr(a.consts).equals(repr(b.consts))) return "co_consts";
        if (!repr(a.names).equals(repr(b.names))) return "co_names";
        if (!repr(a.localsplusnames).equals(repr(b.localsplusnames))) return "localsplusnames";
        if (!repr(a.localspluskinds).equals(repr(b.localspluskinds))) return "localspluskinds";
        if (!repr(a.linetable).equals(repr(b.linetable))) return "co_linetable";
        if (!repr(a.exceptiontable).equals(repr(b.exceptiontable))) return "co_exceptiontable";
        if (a.stacksize != b.stacksize) return "co_stacksize";
        if (a.flags != b.flags) return "co_flags";
        if (a.firstlineno != b.firstlineno) return "co_firstlineno";
        if (a.argcount != b.argcount || a.kwonlyargcount != b.kwonlyargcount || a.posonlyargcount != b.posonlyargcount) return "argcounts";
        if (!repr(a.qualname).equals(repr(b.qualname)) || !repr(a.name).equals(repr(b.name))) return "names/qualname";
        return null;
    }
    static String repr(PyObject o) {
        if (o instanceof PyCode c) return "code:" + c.firstlineno + ":" + ((PyStr) c.qualname).value();
        if (o instanceof PyTuple t) return t.items().stream().map(PycDirCompare::repr).collect(Collectors.joining(",", "(", ")"));
        if (o instanceof PySet s) return s.items().stream().map(PycDirCompare::repr).sorted().collect(Collectors.joining(",", "{", "}"));
        if (o instanceof PyBytes b) return "b" + Arrays.toString(b.value());
        if (o instanceof PyStr s) return "s'" + s.value() + "'";
        if (o instanceof PyFloat f) return "f" + Double.doubleToRawLongBits(f.value());
        if (o instanceof PyComplex z) return "c" + Double.doubleToRawLongBits(z.real()) + "," + Double.doubleToRawLongBits(z.imag());
        return o.typeName() + ":" + o;
    }
    public static void main(String[] a) throws Exception {
        Path lib = Path.of(a[0]), pycs = Path.of(a[1]);
        int opt = Integer.parseInt(a[2]);
        int max = a.length > 3 ? Integer.parseInt(a[3]) : 5;
        List<Path> files;
        try (Stream<Path> s = Files.walk(pycs)) { files = s.filter(p -> p.toString().endsWith(".pyc")).sorted().toList(); }
        Map<String, List<String>> kinds = new TreeMap<>();
        int same = 0;
        for (Path p : files) {
            String rel = pycs.relativize(p).toString(); rel = rel.substring(0, rel.length() - 1);
            byte[] ref = Files.readAllBytes(p);
            byte[] body = Arrays.copyOfRange(ref, PycHeader.read(ref).length(), ref.length);
            String k;
            try {
                PyCode c = Compiler.compile(Files.readAllBytes(lib.resolve(rel)), rel, PyVersion.V3_13, opt);
                byte[] out = Compiler.marshal(c, PyVersion.V3_13);
                if (Arrays.equals(out, body)) { same++; continue; }
                PyCode ra = (PyCode) Marshal.load(body, PyVersion.V3_13), rb = (PyCode) Marshal.load(out, PyVersion.V3_13);
                String d = firstDiff(ra, rb);
                k = d == null ? "IDENTITY-ONLY" : d;
            } catch (Throwable e) { k = "ERR " + e.getClass().getSimpleName(); }
            kinds.computeIfAbsent(k, x -> new ArrayList<>()).add(rel);
        }
        for (var e : kinds.entrySet()) System.out.println(e.getValue().size() + "  " + e.getKey() + "  e.g. " + e.getValue().subList(0, Math.min(max, e.getValue().size())));
        System.out.println("same " + same + " of " + files.size());
    }
}
