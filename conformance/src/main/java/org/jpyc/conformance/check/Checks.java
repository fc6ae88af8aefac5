package org.jpyc.conformance.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registry of checks by name. New checks are added here; each declares its oracle needs, so the
 * runner needs no change. {@code compile} and {@code symtable} are ratcheted ({@code run.Ratchet}).
 */
public final class Checks {
    private static final Map<String, Supplier<Check>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("roundtrip", RoundtripCheck::new);
        ALL.put("dis", DisCheck::new);
        ALL.put("expect", ExpectCheck::new);
        ALL.put("ast", AstCheck::new);
        ALL.put("error", ErrorCheck::new);
        ALL.put("compile", CompileCheck::new);
        ALL.put("symtable", SymtableCheck::new);
    }

    /** The checks run when none are named. */
    public static final List<String> DEFAULT = List.of("roundtrip", "dis", "expect", "ast", "error", "compile", "symtable");

    private Checks() {}

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    public static Check byName(String name) {
        Supplier<Check> s = ALL.get(name);
        if (s == null) throw new IllegalArgumentException("unknown check '" + name + "' (known: " + names() + ")");
        return s.get();
    }

    /** {@code "roundtrip,dis"}; blank means {@link #DEFAULT}. */
    public static List<Check> parse(String list) {
        List<Check> out = new ArrayList<>();
        for (String n : list == null || list.isBlank() ? DEFAULT : List.of(list.split(","))) {
            if (!n.isBlank()) out.add(byName(n.strip()));
        }
        return out;
    }
}
