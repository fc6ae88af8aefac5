package org.jpyc.symtable;

import java.util.HashSet;

/**
 * A set of names the analysis pass only asks about ({@code contains}), never iterates into a scope's
 * symbols: {@code analyze_block}'s bound, global, type-parameter, local and inlined-cell sets. C copies
 * the bound, free, global and type-parameter sets for every child block ({@code analyze_child_block});
 * here a copy shares its source's table until either of them changes, so a module's globals are not
 * copied once per function. The free sets, whose iteration order reaches the symbols
 * ({@code update_symbols}), stay {@link NameSet}s.
 */
final class BindingSet {
    /** The names; null while empty. */
    private HashSet<String> names;
    /** Whether {@link #names} may be shared with another set (copied before a change). */
    private boolean shared;

    BindingSet() {}

    /** {@code PySet_New(other)}: a copy of {@code other}, sharing its table until one of them changes. */
    BindingSet(BindingSet other) {
        if (other.names != null && !other.names.isEmpty()) {
            names = other.names;
            shared = true;
            other.shared = true;
        }
    }

    boolean contains(String name) {
        return names != null && names.contains(name);
    }

    /** {@code PySet_Add}. */
    void add(String name) {
        if (names == null) {
            names = new HashSet<>();
        } else if (shared) {
            if (names.contains(name)) return;
            unshare();
        }
        names.add(name);
    }

    /** {@code PySet_Discard}: true if the name was there. */
    boolean discard(String name) {
        if (names == null || !names.contains(name)) return false;
        if (shared) unshare();
        return names.remove(name);
    }

    /** {@code this |= other}. */
    void update(BindingSet other) {
        HashSet<String> o = other.names;
        if (o == null || o.isEmpty() || o == names) return;
        if (names == null || names.isEmpty()) {
            names = o;
            shared = true;
            other.shared = true;
            return;
        }
        if (shared) unshare();
        names.addAll(o);
    }

    private void unshare() {
        names = new HashSet<>(names);
        shared = false;
    }
}
