package org.jpyc.ast;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jpyc.object.PyObject;
import org.jpyc.object.PyRepr;
import org.jpyc.object.PyStr;
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The text of CPython's {@code ast.dump(tree, include_attributes=True)} (single-line form, fields
 * annotated) for a target version.
 *
 * <p>Rules, from each version's Lib/ast.py:
 * <ul>
 *   <li>a node prints as {@code Name(f1=v1, ..., lineno=L, col_offset=C, end_lineno=EL,
 *       end_col_offset=EC)}, fields in the version's ASDL order, then its attributes;</li>
 *   <li>a field or attribute that is unset, or None where the ASDL declares it optional
 *       ({@code ?}: the class default is None), is left out;</li>
 *   <li>since 3.13 ({@link Feature#AST_DUMP_OMITS_EMPTY_SEQUENCES}) an empty sequence field
 *       ({@code *}) is left out too ({@code show_empty=False}), and since 3.15
 *       ({@link Feature#AST_DUMP_OMITS_LOAD_CONTEXT}) so is {@code ctx=Load()};</li>
 *   <li>lists print as {@code [a, b]}, other values with {@code repr()} ({@link PyRepr}).</li>
 * </ul>
 */
public final class AstDump {
    private AstDump() {
    }

    /**
     * @throws IllegalArgumentException if the tree holds a node or field the version does not have
     */
    public static String dump(AstNode tree, PyVersion version) {
        StringBuilder sb = new StringBuilder();
        new Printer(AstSchema.of(version), version, version.has(Feature.AST_DUMP_OMITS_EMPTY_SEQUENCES),
                version.has(Feature.AST_DUMP_OMITS_LOAD_CONTEXT), sb).node(tree);
        return sb.toString();
    }

    /**
     * Prints with an explicit work stack rather than recursion, so any depth of tree prints (CPython's
     * own limits on tree depth belong to the parser).
     */
    private record Printer(AstSchema schema, PyVersion version, boolean omitEmpty, boolean omitLoad,
                           StringBuilder out) {
        /** A piece of output already decided. */
        private record Text(String s) {
        }

        void node(AstNode root) {
            Deque<Object> work = new ArrayDeque<>();
            work.push(root);
            while (!work.isEmpty()) {
                Object item = work.pop();
                if (item instanceof Text t) {
                    out.append(t.s());
                } else if (item instanceof AstNode n) {
                    expand(n, work);
                } else if (item instanceof List<?> list) {
                    out.append('[');
                    work.push(new Text("]"));
                    for (int i = list.size() - 1; i >= 0; i--) {
                        work.push(list.get(i) == null ? NONE : list.get(i));
                        if (i > 0) work.push(new Text(", "));
                    }
                } else {
                    scalar(item);
                }
            }
        }

        private static final Text NONE = new Text("None");

        /** Pushes a node's parts (in reverse, so they pop in order). */
        private void expand(AstNode n, Deque<Object> work) {
            out.append(n.nodeName()).append('(');
            List<Object> parts = new ArrayList<>();
            if (n instanceof Node node) {
                AstSchema.Shape shape = schema.shape(n.nodeName());
                if (shape == null) {
                    throw new IllegalArgumentException("Python " + schema.asdlMinor() + " has no AST node " + n.nodeName());
                }
                for (AstSchema.Field f : shape.fields()) {
                    Object v = node.field(f.name());
                    if (v == null) continue;
                    if (omitEmpty && f.sequence() && v instanceof List<?> l && l.isEmpty()) continue;
                    if (omitLoad && v == ExprContextNode.Load && f.type().equals("expr_context")) continue;
                    parts.add(new Text((parts.isEmpty() ? "" : ", ") + f.name() + "="));
                    parts.add(v);
                }
                if (node instanceof Located loc) {
                    for (AstSchema.Field a : shape.attributes()) {
                        Object v = loc.attribute(a.name());
                        if (v == null) continue;
                        parts.add(new Text((parts.isEmpty() ? "" : ", ") + a.name() + "=" + v));
                    }
                }
            }
            work.push(new Text(")"));
            for (int i = parts.size() - 1; i >= 0; i--) work.push(parts.get(i));
        }

        private void scalar(Object v) {
            if (v instanceof String s) {
                out.append(PyRepr.reprStr(PyStr.of(s, false), version));
            } else if (v instanceof Integer i) {
                out.append(i);
            } else if (v instanceof PyObject o) {
                out.append(PyRepr.repr(o, version));
            } else {
                throw new IllegalArgumentException("not an AST value: " + v.getClass().getName());
            }
        }
    }
}
