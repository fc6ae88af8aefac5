package org.jpyc.conformance.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jpyc.version.PyVersion;

/**
 * The versions a case is meant for, from its {@code # jpyc: versions SPEC} header.
 *
 * <pre>
 * SPEC         := alternative ("," alternative)*          -- union
 * alternative  := "all" | X.Y | X.Y "-" X.Z | comparison+ -- comparisons separated by blanks intersect
 * comparison   := (">=" | ">" | "<=" | "<" | "==") X.Y
 * </pre>
 *
 * Examples: {@code all}, {@code >=3.12}, {@code 3.10-3.11}, {@code >=3.10 <3.12}, {@code 3.10, >=3.13}.
 */
public final class VersionRange {
    public static final VersionRange ALL = new VersionRange("all", v -> true);

    private final String spec;
    private final Predicate<PyVersion> test;

    private VersionRange(String spec, Predicate<PyVersion> test) {
        this.spec = spec;
        this.test = test;
    }

    public boolean contains(PyVersion v) {
        return test.test(v);
    }

    /** Parses a spec; throws {@link IllegalArgumentException} naming the bad part. */
    public static VersionRange parse(String spec) {
        String s = spec.strip();
        if (s.isEmpty()) throw new IllegalArgumentException("empty version spec");
        List<Predicate<PyVersion>> alternatives = new ArrayList<>();
        for (String alt : s.split(",")) {
            alternatives.add(alternative(alt.strip(), spec));
        }
        return new VersionRange(s, v -> alternatives.stream().anyMatch(p -> p.test(v)));
    }

    private static Predicate<PyVersion> alternative(String alt, String spec) {
        if (alt.equals("all")) return v -> true;
        if (alt.matches("\\d+\\.\\d+\\s*-\\s*\\d+\\.\\d+")) {
            String[] p = alt.split("-");
            PyVersion lo = PyVersion.parse(p[0]);
            PyVersion hi = PyVersion.parse(p[1]);
            return v -> v.compareTo(lo) >= 0 && v.compareTo(hi) <= 0;
        }
        Predicate<PyVersion> all = v -> true;
        String[] terms = alt.split("\\s+");
        if (alt.isEmpty()) throw new IllegalArgumentException("empty alternative in version spec '" + spec + "'");
        for (String term : terms) {
            all = all.and(comparison(term, spec));
        }
        return all;
    }

    private static Predicate<PyVersion> comparison(String term, String spec) {
        String op = term.startsWith(">=") || term.startsWith("<=") || term.startsWith("==") ? term.substring(0, 2)
                : term.startsWith(">") || term.startsWith("<") ? term.substring(0, 1) : "==";
        String num = term.substring(op.equals("==") && !term.startsWith("==") ? 0 : op.length());
        if (!num.matches("\\d+\\.\\d+")) {
            throw new IllegalArgumentException("bad term '" + term + "' in version spec '" + spec + "'");
        }
        PyVersion x = PyVersion.parse(num);
        return switch (op) {
            case ">=" -> v -> v.compareTo(x) >= 0;
            case ">" -> v -> v.compareTo(x) > 0;
            case "<=" -> v -> v.compareTo(x) <= 0;
            case "<" -> v -> v.compareTo(x) < 0;
            default -> v -> v.equals(x);
        };
    }

    @Override
    public String toString() {
        return spec;
    }
}
