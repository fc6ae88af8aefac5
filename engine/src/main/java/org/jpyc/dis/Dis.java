package org.jpyc.dis;

import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyRepr;
import org.jpyc.version.PyVersion;

/**
 * What {@code dis.dis(code)} prints in a given CPython version (default arguments: no caches, no
 * adaptive code, 3.13+ without offsets or positions): the code object's listing, then, for each
 * code object among its constants in order, a blank line, {@code Disassembly of <code object ...>:}
 * and that object's listing, recursively.
 *
 * <p>The only thing that cannot match CPython is the address in {@code <code object NAME at 0x...>}.
 */
public final class Dis {
    private Dis() {}

    /** The text {@code dis.dis(code)} prints in CPython {@code version}, nested code objects included. */
    public static String dis(PyCode code, PyVersion version) {
        StringBuilder out = new StringBuilder();
        Listing listing = Listing.forVersion(version);
        recurse(code, version, listing, out, 0);
        return out.toString();
    }

    /** What {@code dis.disassemble(code)} prints: this code object only. */
    public static String disassemble(PyCode code, PyVersion version) {
        StringBuilder out = new StringBuilder();
        Listing.forVersion(version).disassemble(new CodeContext(code, version), out);
        return out.toString();
    }

    private static void recurse(PyCode code, PyVersion version, Listing listing, StringBuilder out, int depth) {
        if (depth > 1000) {
            throw new IllegalArgumentException("code objects nested more than 1000 deep");
        }
        CodeContext c = new CodeContext(code, version);
        listing.disassemble(c, out);
        for (PyObject k : c.consts) {
            if (k instanceof PyCode inner) {
                out.append('\n');
                out.append("Disassembly of ").append(PyRepr.repr(inner, version)).append(":\n");
                recurse(inner, version, listing, out, depth + 1);
            }
        }
    }
}
