package org.jpyc.dis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
        // dis recurses depth-first through co_consts; an explicit stack keeps deep nesting off the
        // Java stack, and the current path detects a code object that contains itself (possible in
        // crafted marshal data through back-references; CPython would hit its recursion limit).
        Deque<PyCode> pending = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        List<PyCode> path = new ArrayList<>();
        pending.push(code);
        depths.push(0);
        while (!pending.isEmpty()) {
            PyCode c = pending.pop();
            int depth = depths.pop();
            path.subList(depth, path.size()).clear();
            for (PyCode ancestor : path) {
                if (ancestor == c) throw new IllegalArgumentException("code object " + c.nameText() + " contains itself");
            }
            path.add(c);
            if (depth > 0) {
                out.append("\nDisassembly of ").append(PyRepr.repr(c, version)).append(":\n");
            }
            CodeContext ctx = new CodeContext(c, version);
            listing.disassemble(ctx, out);
            List<PyCode> inner = new ArrayList<>();
            for (PyObject k : ctx.consts) {
                if (k instanceof PyCode ic) inner.add(ic);
            }
            for (int i = inner.size() - 1; i >= 0; i--) {
                pending.push(inner.get(i));
                depths.push(depth + 1);
            }
        }
        return out.toString();
    }

    /** What {@code dis.disassemble(code)} prints: this code object only. */
    public static String disassemble(PyCode code, PyVersion version) {
        StringBuilder out = new StringBuilder();
        Listing.forVersion(version).disassemble(new CodeContext(code, version), out);
        return out.toString();
    }
}
