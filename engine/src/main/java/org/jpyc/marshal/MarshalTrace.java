package org.jpyc.marshal;

import java.util.ArrayList;
import java.util.List;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.version.PyVersion;

/**
 * Explains a byte offset inside marshal data: the path from the root to the innermost object whose
 * bytes contain it. Used to report where jpyc's output first differs from CPython's.
 *
 * <p>Path syntax: a code object is {@code <module>} or {@code <code NAME>}; its fields are
 * {@code .co_consts}, {@code .co_argcount}, ... (names from the {@link CodeLayout}); tuple, list, set
 * and slice items are {@code [i]}; the i-th dict key and value are {@code {k i}} and {@code {v i}}; a
 * byte of a string or bytes payload is {@code [k]}; {@code .header} marks the type byte and length of
 * the innermost object; a back-reference is marked {@code (ref)}. Example:
 * {@code <module>.co_consts[3] <code f>.co_linetable[12]}.
 *
 * <p>Runs the one {@link MarshalReader} with a listener; reading without a trace costs one null check
 * per object.
 */
public final class MarshalTrace {
    private MarshalTrace() {}

    /** The path of the object containing byte {@code target} of {@code data[offset, end)}, or null if outside the first object. */
    public static String pathAt(byte[] data, int offset, int end, PyVersion v, int target) {
        return pathAt(data, offset, end, MarshalFormat.forVersion(v), target);
    }

    /** As {@link #pathAt(byte[], int, int, PyVersion, int)} with an explicit format. */
    public static String pathAt(byte[] data, int offset, int end, MarshalFormat format, int target) {
        MarshalReader r = new MarshalReader(data, offset, end, format);
        Tracer t = new Tracer(target);
        r.listener = t;
        try {
            r.readObject();
        } catch (MarshalFormatException e) {
            if (t.found == null) {
                if (t.stack.isEmpty() || target < offset) return null;
                return render(new ArrayList<>(t.stack), "") + " (load failed: " + e.getMessage() + ")";
            }
        }
        return t.found == null ? null : render(t.found, t.detail);
    }

    private static String render(List<Node> path, String detail) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            Node n = path.get(i);
            if (i > 0) sb.append(n.slot);
            if (n.isRef()) {
                sb.append(" (ref)");
            } else if (n.value instanceof PyCode c) {
                String name = c.name == null ? "?" : c.nameText();
                if (sb.length() > 0) sb.append(' ');
                sb.append("<module>".equals(name) ? "<module>" : "<code " + name + ">");
            }
        }
        sb.append(detail);
        return sb.toString();
    }

    private static final class Node {
        final int begin;
        final int code;
        final String slot;
        int payload = -1;
        int children;
        CodeField field;
        PyObject value;

        Node(int begin, int code, String slot) {
            this.begin = begin;
            this.code = code;
            this.slot = slot;
        }

        boolean isRef() {
            int t = code & 0x7f;
            return t == TypeCode.REF || code == TypeCode.STRINGREF;
        }

        String childSlot() {
            int t = code & 0x7f;
            int i = children++;
            if (t == TypeCode.CODE) return field == null ? ".?" : "." + field.pyName;
            if (t == TypeCode.DICT || t == TypeCode.FROZENDICT) return (i & 1) == 0 ? "{k " + (i >> 1) + "}" : "{v " + (i >> 1) + "}";
            return "[" + i + "]";
        }
    }

    private static final class Tracer implements MarshalListener {
        final int target;
        final List<Node> stack = new ArrayList<>();
        List<Node> found;
        String detail = "";

        Tracer(int target) {
            this.target = target;
        }

        @Override
        public void begin(int offset, int code) {
            String slot = stack.isEmpty() ? "" : stack.get(stack.size() - 1).childSlot();
            stack.add(new Node(offset, code, slot));
        }

        @Override
        public void payload(int offset) {
            stack.get(stack.size() - 1).payload = offset;
        }

        @Override
        public void codeField(CodeField field, int offset) {
            Node top = stack.get(stack.size() - 1);
            top.field = field;
            if (found == null && field.isInt && target >= offset && target < offset + 4) {
                found = new ArrayList<>(stack);
                detail = "." + field.pyName;
            }
        }

        @Override
        public void end(int offset, PyObject value) {
            Node n = stack.remove(stack.size() - 1);
            n.value = value;
            if (found == null && target >= n.begin && target < offset) {
                found = new ArrayList<>(stack);
                found.add(n);
                if (n.payload >= 0 && target >= n.payload) detail = "[" + (target - n.payload) + "]";
                else if (n.payload >= 0 || target == n.begin) detail = ".header";
            }
        }
    }
}
