package org.jpyc.codediff;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.jpyc.dis.Dis;
import org.jpyc.marshal.CodeLayout;
import org.jpyc.marshal.Marshal;
import org.jpyc.marshal.MarshalTrace;
import org.jpyc.object.PyCode;
import org.jpyc.object.PyObject;
import org.jpyc.pyc.PycHeader;
import org.jpyc.version.PyVersion;

/**
 * The comparison of two pyc files, an expected one (CPython's) and an actual one (jpyc's): headers,
 * the first difference between the code object trees, and which {@link FieldGroup}s agree.
 *
 * <p>The first difference is a value difference when there is one (found by {@link CodeWalk} in
 * marshal order); when all values are equal but the bytes are not, it is the first differing byte,
 * named by {@link MarshalTrace} and classified from the two bytes there: a FLAG_REF bit
 * ({@link DiffKind#REFERENCES}), a back-reference against an object written in full or another
 * reference index (also {@link DiffKind#REFERENCES}), or another type code ({@link DiffKind#FORM}).
 */
public final class PycDiff {
    private static final int TYPE_REF = 'r';

    private final byte[] expected;
    private final byte[] actual;
    private final PycHeader expectedHeader;
    private final PycHeader actualHeader;
    private final String expectedError;
    private final String actualError;
    private final PyVersion version;
    private final Difference first;
    private final Map<FieldGroup, Boolean> agreement;
    private final String referenceProblem;

    private PycDiff(byte[] expected, byte[] actual, PycHeader eh, PycHeader ah, String ee, String ae, PyVersion version,
                    Difference first, Map<FieldGroup, Boolean> agreement, String referenceProblem) {
        this.expected = expected;
        this.actual = actual;
        this.expectedHeader = eh;
        this.actualHeader = ah;
        this.expectedError = ee;
        this.actualError = ae;
        this.version = version;
        this.first = first;
        this.agreement = agreement;
        this.referenceProblem = referenceProblem;
    }

    /** Compares two whole pyc files. Never throws for bad input: an unreadable side is a {@link DiffKind#UNREADABLE} difference. */
    public static PycDiff compare(byte[] expected, byte[] actual) {
        PycHeader eh = null;
        PycHeader ah = null;
        String ee = null;
        String ae = null;
        PyObject eo = null;
        PyObject ao = null;
        try {
            eh = PycHeader.read(expected);
            eo = Marshal.load(expected, eh.length(), expected.length, eh.version());
        } catch (RuntimeException e) {
            ee = describe(e);
        }
        try {
            ah = PycHeader.read(actual);
            ao = Marshal.load(actual, ah.length(), actual.length, ah.version());
        } catch (RuntimeException e) {
            ae = describe(e);
        }
        PyVersion v = eh != null ? eh.version() : ah != null ? ah.version() : null;
        boolean same = java.util.Arrays.equals(expected, actual);
        if (same) return new PycDiff(expected, actual, eh, ah, ee, ae, v, null, allAgree(), null);
        if (ee == null && !(eo instanceof PyCode)) ee = "the top-level object is a " + eo.typeName() + ", not a code object";
        if (ae == null && !(ao instanceof PyCode)) ae = "the top-level object is a " + ao.typeName() + ", not a code object";
        if (ee != null || ae != null) {
            Difference d = new Difference(DiffKind.UNREADABLE, "", null, ee == null ? "" : ee, ae == null ? "" : ae, -1, null, null);
            return new PycDiff(expected, actual, eh, ah, ee, ae, v, d, Map.of(), null);
        }
        PyCode ec = (PyCode) eo;
        PyCode ac = (PyCode) ao;
        CodeWalk walk = new CodeWalk(v);
        walk.run(ec, ac);
        Map<FieldGroup, Boolean> agree = new EnumMap<>(FieldGroup.class);
        agree.putAll(walk.agreement());
        RefShape refs = new RefShape(CodeLayout.forVersion(v), ec, ac);
        boolean refsAgree = refs.agree(ec, ac);
        int bodyAt = firstDifference(expected, actual, eh.length());
        boolean bodyEqual = bodyAt < 0;
        // identical values but other bytes: the encoding differs even if the parallel walk missed it
        agree.put(FieldGroup.REFERENCES, refsAgree && (bodyEqual || walk.first() != null));
        Difference d = walk.first();
        if (d == null && !bodyEqual) d = encodingDifference(expected, actual, eh, bodyAt, refs, ec, ac);
        if (d == null) {
            int at = firstDifference(expected, actual, 0);
            d = new Difference(DiffKind.HEADER, "header", null, eh.toString(), ah.toString(), at, ec, ac);
        }
        return new PycDiff(expected, actual, eh, ah, null, null, v, d, Collections.unmodifiableMap(agree), refs.firstProblem());
    }

    /** The first differing byte after the header, classified; values are known to be equal. */
    private static Difference encodingDifference(byte[] e, byte[] a, PycHeader eh, int at, RefShape refs, PyCode ec, PyCode ac) {
        String path;
        try {
            path = MarshalTrace.pathAt(e, eh.length(), e.length, eh.version(), at);
        } catch (RuntimeException ex) {
            path = null;
        }
        if (at >= e.length || at >= a.length) {
            return new Difference(DiffKind.TRAILING, path == null ? "(end of data)" : path, null,
                    e.length + " bytes", a.length + " bytes", at, ec, ac);
        }
        int x = e[at] & 0xff;
        int y = a[at] & 0xff;
        DiffKind kind;
        String ex;
        String ax;
        if ((x ^ y) == 0x80) {
            kind = DiffKind.REFERENCES;
            ex = typeCode(x);
            ax = typeCode(y);
        } else if ((x & 0x7f) == TYPE_REF || (y & 0x7f) == TYPE_REF || (path != null && path.contains("(ref)"))) {
            kind = DiffKind.REFERENCES;
            boolean inIndex = path != null && path.endsWith("(ref)") && (x & 0x7f) != TYPE_REF && (y & 0x7f) != TYPE_REF;
            ex = inIndex ? String.format("reference index byte 0x%02x", x) : typeCode(x);
            ax = inIndex ? String.format("reference index byte 0x%02x", y) : typeCode(y);
        } else {
            kind = DiffKind.FORM;
            ex = typeCode(x);
            ax = typeCode(y);
        }
        PyCode pc = refs.codeA() != null ? refs.codeA() : ec;
        PyCode qc = refs.codeB() != null ? refs.codeB() : ac;
        return new Difference(kind, path == null ? "(offset " + at + ")" : path, null, ex, ax, at, pc, qc);
    }

    private static String typeCode(int b) {
        int t = b & 0x7f;
        String c = t >= 0x20 && t < 0x7f ? "'" + (char) t + "'" : String.format("0x%02x", t);
        return String.format("type byte 0x%02x (%s%s)", b, c, (b & 0x80) != 0 ? " with FLAG_REF" : "");
    }

    private static int firstDifference(byte[] a, byte[] b, int from) {
        int n = Math.min(a.length, b.length);
        for (int i = from; i < n; i++) if (a[i] != b[i]) return i;
        return a.length == b.length ? -1 : n;
    }

    private static Map<FieldGroup, Boolean> allAgree() {
        Map<FieldGroup, Boolean> m = new EnumMap<>(FieldGroup.class);
        for (FieldGroup g : FieldGroup.values()) m.put(g, true);
        return Collections.unmodifiableMap(m);
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Whether the files are byte for byte the same. */
    public boolean identical() {
        return first == null;
    }

    /** The first difference, or null when identical. */
    public Difference first() {
        return first;
    }

    /** Whether the headers are equal (false if either cannot be read). */
    public boolean headersEqual() {
        return expectedHeader != null && expectedHeader.equals(actualHeader);
    }

    /**
     * Per field group, whether the two code object trees agree; empty when a side could not be loaded.
     * All true for identical files.
     */
    public Map<FieldGroup, Boolean> agreement() {
        return agreement;
    }

    /** The version the expected file's magic number names, or null if neither header is readable. */
    public PyVersion version() {
        return version;
    }

    /** The first object whose marshal encoding differs (sharing, FLAG_REF, form), in words, or null. */
    public String referenceProblem() {
        return referenceProblem;
    }

    /** A one-line summary: {@code identical}, or the first difference's path and kind. */
    public String summary() {
        if (first == null) return "identical";
        if (first.kind() == DiffKind.UNREADABLE) {
            return "cannot compare: " + (expectedError != null ? "expected side " + expectedError : "actual side " + actualError);
        }
        return first.path() + ": " + first.kind().text;
    }

    /**
     * The full explanation: both headers, the first difference with both values, the field groups, and
     * the code object holding the first difference disassembled side by side by {@code org.jpyc.dis}.
     */
    public String explain(String expectedTitle, String actualTitle) {
        StringBuilder sb = new StringBuilder();
        int w = Math.max(expectedTitle.length(), actualTitle.length());
        sb.append(pad(expectedTitle, w)).append(": ").append(expected.length).append(" bytes, ")
                .append(expectedHeader != null ? expectedHeader : "header unreadable").append('\n');
        sb.append(pad(actualTitle, w)).append(": ").append(actual.length).append(" bytes, ")
                .append(actualHeader != null ? actualHeader : "header unreadable").append('\n');
        if (first == null) return sb.append("identical\n").toString();
        if (expectedHeader != null && actualHeader != null && !headersEqual()) sb.append("headers differ\n");
        if (first.kind() == DiffKind.UNREADABLE) {
            if (expectedError != null) sb.append(expectedTitle).append(" cannot be loaded: ").append(expectedError).append('\n');
            if (actualError != null) sb.append(actualTitle).append(" cannot be loaded: ").append(actualError).append('\n');
            return sb.toString();
        }
        sb.append("first difference: ").append(first.path()).append(" (").append(first.kind().text).append(")\n");
        sb.append("  ").append(pad(expectedTitle, w)).append(": ").append(first.expected()).append('\n');
        sb.append("  ").append(pad(actualTitle, w)).append(": ").append(first.actual()).append('\n');
        if (first.offset() >= 0) sb.append("  at byte offset ").append(first.offset()).append('\n');
        if (referenceProblem != null && first.kind() != DiffKind.VALUES) sb.append("  ").append(referenceProblem).append('\n');
        if (!agreement.isEmpty()) {
            sb.append("fields:");
            agreement.forEach((g, ok) -> sb.append(' ').append(g.label).append(ok ? " ok" : " DIFFER").append(','));
            sb.setLength(sb.length() - 1);
            sb.append('\n');
        }
        if (first.expectedCode() != null && first.actualCode() != null) {
            sb.append("code object ").append(CodeWalk.label(first.expectedCode())).append(", disassembled by jpyc:\n");
            sb.append(SideBySide.format(expectedTitle, disassemble(first.expectedCode()), actualTitle,
                    disassemble(first.actualCode()), 72, 300));
        }
        return sb.toString();
    }

    private String disassemble(PyCode c) {
        try {
            return Dis.disassemble(c, version);
        } catch (RuntimeException | StackOverflowError e) {
            return "(cannot disassemble: " + e + ")\n";
        }
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }
}
