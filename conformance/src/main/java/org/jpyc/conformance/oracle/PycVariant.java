package org.jpyc.conformance.oracle;

import java.util.ArrayList;
import java.util.List;

/**
 * One of the nine .pyc files {@code py_compile} can write for a source: optimization level 0, 1 or 2
 * ({@code -O}, {@code -OO}) times the PEP 552 invalidation mode.
 */
public record PycVariant(int optimize, Invalidation invalidation) {
    /** PEP 552 (3.7): how the loader decides a pyc is stale; the header's flags word says which. */
    public enum Invalidation {
        TIMESTAMP("timestamp"), CHECKED_HASH("checked-hash"), UNCHECKED_HASH("unchecked-hash");

        public final String wireName;

        Invalidation(String wireName) {
            this.wireName = wireName;
        }
    }

    public static final PycVariant DEFAULT = new PycVariant(0, Invalidation.TIMESTAMP);

    public PycVariant {
        if (optimize < 0 || optimize > 2) throw new IllegalArgumentException("optimize must be 0..2: " + optimize);
    }

    /** All nine variants, the default one first. */
    public static List<PycVariant> all() {
        List<PycVariant> out = new ArrayList<>();
        for (int opt = 0; opt <= 2; opt++) {
            for (Invalidation inv : Invalidation.values()) out.add(new PycVariant(opt, inv));
        }
        return out;
    }

    /** {@code 0/timestamp}: the key the driver uses. */
    public String key() {
        return optimize + "/" + invalidation.wireName;
    }

    public static PycVariant ofKey(String key) {
        String[] p = key.split("/", 2);
        for (Invalidation inv : Invalidation.values()) {
            if (p.length == 2 && inv.wireName.equals(p[1])) return new PycVariant(Integer.parseInt(p[0]), inv);
        }
        throw new IllegalArgumentException("not a pyc variant: " + key);
    }

    @Override
    public String toString() {
        return key();
    }
}
