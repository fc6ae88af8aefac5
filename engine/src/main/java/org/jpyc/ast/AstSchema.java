package org.jpyc.ast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jpyc.version.PyVersion;

/**
 * Which AST nodes and fields one CPython version has, in that version's order: the ASDL of the
 * version (tools/asdl/Python-3.X.asdl) as data. A version newer than the newest ASDL file uses the
 * newest; a version older than the oldest has no schema.
 */
public final class AstSchema {
    /** One ASDL field or attribute: {@code type}, {@code ?} (optional), {@code *} (sequence), name. */
    public record Field(String type, boolean optional, boolean sequence, String name) {
        static Field parse(String sig) {
            String s = sig.trim();
            int sp = s.lastIndexOf(' ');
            String t = s.substring(0, sp);
            String n = s.substring(sp + 1);
            boolean seq = t.endsWith("*");
            if (seq) t = t.substring(0, t.length() - 1);
            boolean opt = t.endsWith("?");
            if (opt) t = t.substring(0, t.length() - 1);
            return new Field(t, opt, seq, n);
        }
    }

    /** A node as one version's ASDL declares it. */
    public record Shape(String name, String asdlType, List<Field> fields, List<Field> attributes) {
    }

    private static final Map<Integer, AstSchema> CACHE = new ConcurrentHashMap<>();

    private final int minor;
    private final Map<String, Shape> shapes;

    private AstSchema(int minor, Map<String, Shape> shapes) {
        this.minor = minor;
        this.shapes = shapes;
    }

    /**
     * The schema for a version.
     *
     * @throws IllegalArgumentException if the version predates every ASDL file jpyc has
     */
    public static AstSchema of(PyVersion v) {
        int index = -1;
        for (int i = 0; i < AstSchemaData.MINORS.length; i++) {
            if (v.atLeast(3, AstSchemaData.MINORS[i])) index = i;
        }
        if (index < 0 || v.major() != 3) {
            throw new IllegalArgumentException("no AST schema for Python " + v);
        }
        final int at = index;
        return CACHE.computeIfAbsent(AstSchemaData.MINORS[at], m -> load(m, AstSchemaData.TABLES[at]));
    }

    private static AstSchema load(int minor, String[][] rows) {
        Map<String, Shape> out = new LinkedHashMap<>();
        for (String[] row : rows) {
            out.put(row[0], new Shape(row[0], row[1], fields(row[2]), fields(row[3])));
        }
        return new AstSchema(minor, Collections.unmodifiableMap(out));
    }

    private static List<Field> fields(String sig) {
        if (sig.isEmpty()) return List.of();
        List<Field> out = new ArrayList<>();
        for (String part : sig.split(",")) out.add(Field.parse(part));
        return List.copyOf(out);
    }

    /** The minor version whose ASDL file this schema is. */
    public int asdlMinor() {
        return minor;
    }

    /** The node's shape in this version, or null if this version has no such node. */
    public Shape shape(String nodeName) {
        return shapes.get(nodeName);
    }

    /** Every node this version declares, in ASDL order. */
    public Iterable<Shape> shapes() {
        return shapes.values();
    }
}
