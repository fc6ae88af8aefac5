package org.jpyc.ast;

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
 *       ({@code *}) is left out too ({@code show_empty=False});</li>
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
        new Printer(AstSchema.of(version), version, version.has(Feature.AST_DUMP_OMITS_EMPTY_SEQUENCES), sb).node(tree);
        return sb.toString();
    }

    private record Printer(AstSchema schema, PyVersion version, boolean omitEmpty, StringBuilder out) {
        void node(AstNode n) {
            out.append(n.nodeName()).append('(');
            if (n instanceof Node node) {
                AstSchema.Shape shape = schema.shape(n.nodeName());
                if (shape == null) {
                    throw new IllegalArgumentException("Python " + schema.asdlMinor() + " has no AST node " + n.nodeName());
                }
                boolean first = true;
                for (AstSchema.Field f : shape.fields()) {
                    Object v = node.field(f.name());
                    if (v == null) continue;
                    if (omitEmpty && f.sequence() && v instanceof List<?> l && l.isEmpty()) continue;
                    first = sep(first);
                    out.append(f.name()).append('=');
                    value(v);
                }
                if (node instanceof Located loc) {
                    for (AstSchema.Field a : shape.attributes()) {
                        Object v = loc.attribute(a.name());
                        if (v == null) continue;
                        first = sep(first);
                        out.append(a.name()).append('=').append(v);
                    }
                }
            }
            out.append(')');
        }

        private boolean sep(boolean first) {
            if (!first) out.append(", ");
            return false;
        }

        void value(Object v) {
            if (v instanceof AstNode n) {
                node(n);
            } else if (v instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) out.append(", ");
                    value(list.get(i));
                }
                out.append(']');
            } else if (v == null) {
                out.append("None");
            } else if (v instanceof String s) {
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
