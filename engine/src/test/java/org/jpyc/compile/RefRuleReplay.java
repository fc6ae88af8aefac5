package org.jpyc.compile;

import java.io.IOException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jpyc.marshal.Marshal;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.object.PySet;
import org.jpyc.object.PyStr;
import org.jpyc.object.PyTuple;
import org.jpyc.pyc.PycHeader;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * Checks the marshal reference rule alone ({@link CompiledRefs}) on CPython's own output: a pyc's code object is
 * loaded with the identities its back-references give (an object written once and flagged is one object), the
 * interned strs the interpreter held at startup are marked as {@link IdentityReplay} would intern them, and the
 * graph is dumped again with the compiler's rule. The bytes must be the pyc's own: what this checks is which
 * objects are flagged given the object graph, not how the compiler builds that graph.
 *
 * <p>Run as a program over a directory of pycs: {@code RefRuleReplay DIR [max-diffs [OUT-DIR]]} (OUT-DIR: the replayed pycs that differ).
 */
public final class RefRuleReplay {
    private RefRuleReplay() {}

    public static IdentityReplay.Outcome run(byte[] pyc) {
        PycHeader h = PycHeader.read(pyc);
        PyVersion v = h.version();
        byte[] body = Arrays.copyOfRange(pyc, h.length(), pyc.length);
        PyCode loaded = (PyCode) Marshal.load(body, v);
        if (!v.has(Feature.INTERNED_STRS_ALWAYS_FLAGGED)) markHeld(loaded, StartupInterned.of(v), new IdentityHashMap<>());
        return new IdentityReplay.Outcome(body, Compiler.marshal(loaded, v));
    }

    /** The interned strs whose text the fresh interpreter had interned: its objects, which it holds. */
    private static void markHeld(PyObject o, Set<String> startup, Map<PyObject, Boolean> seen) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) return;
        if (o instanceof PyStr s) {
            if (s.interned() && startup.contains(s.value())) s.markRuntimeHeld();
        } else if (o instanceof PyTuple t) {
            for (PyObject x : t.items()) markHeld(x, startup, seen);
        } else if (o instanceof PySet fs) {
            for (PyObject x : fs.items()) markHeld(x, startup, seen);
        } else if (o instanceof PyCode c) {
            for (PyObject x : new PyObject[] {c.code, c.consts, c.names, c.varnames, c.freevars, c.cellvars,
                    c.localsplusnames, c.localspluskinds, c.filename, c.name, c.qualname, c.linetable, c.exceptiontable}) {
                markHeld(x, startup, seen);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        IdentityReplay.runAll(args, RefRuleReplay::run);
    }
}
