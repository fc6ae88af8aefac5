package org.jpyc.conformance.check;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jpyc.conformance.oracle.PycVariant;

/**
 * The oracle answers a check needs. The runner asks the oracle once per case for the union of
 * what all selected checks need. The compile outcome (error or not) always comes along.
 *
 * @param variants the pyc files
 * @param ast      {@code ast.dump} text
 * @param dis      {@code dis.dis} text of the optimize-0 timestamp pyc
 */
public record Needs(Set<PycVariant> variants, boolean ast, boolean dis) {
    public static final Needs NOTHING = new Needs(Set.of(), false, false);

    public Needs {
        variants = Set.copyOf(variants);
    }

    public Needs union(Needs o) {
        Set<PycVariant> v = new LinkedHashSet<>(variants);
        v.addAll(o.variants);
        return new Needs(v, ast || o.ast, dis || o.dis);
    }

    /** The variants in a fixed order (optimize level, then invalidation mode). */
    public List<PycVariant> orderedVariants() {
        return variants.stream().sorted(Comparator.comparingInt(PycVariant::optimize)
                .thenComparing(PycVariant::invalidation)).toList();
    }
}
