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
 * @param symtable the dump of {@code _symtable.symtable(source, dfile, "exec")} (driver {@code symtable_dump})
 * @param fresh    whether the answers must come from a fresh interpreter process per case (the driver's
 *                 {@code compile_fresh}): for versions where batching changes pycs (3.10, see the README)
 */
public record Needs(Set<PycVariant> variants, boolean ast, boolean dis, boolean symtable, boolean fresh) {
    public static final Needs NOTHING = new Needs(Set.of(), false, false, false, false);

    public Needs {
        variants = Set.copyOf(variants);
    }

    /** Without the symbol table. */
    public Needs(Set<PycVariant> variants, boolean ast, boolean dis) {
        this(variants, ast, dis, false, false);
    }

    /** In the usual batches. */
    public Needs(Set<PycVariant> variants, boolean ast, boolean dis, boolean symtable) {
        this(variants, ast, dis, symtable, false);
    }

    public Needs union(Needs o) {
        Set<PycVariant> v = new LinkedHashSet<>(variants);
        v.addAll(o.variants);
        return new Needs(v, ast || o.ast, dis || o.dis, symtable || o.symtable, fresh || o.fresh);
    }

    /** The variants in a fixed order (optimize level, then invalidation mode). */
    public List<PycVariant> orderedVariants() {
        return variants.stream().sorted(Comparator.comparingInt(PycVariant::optimize)
                .thenComparing(PycVariant::invalidation)).toList();
    }
}
