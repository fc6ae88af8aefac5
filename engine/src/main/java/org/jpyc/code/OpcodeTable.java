package org.jpyc.code;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jpyc.version.PyVersion;

/**
 * One CPython version's opcode facts, as its own {@code opcode}/{@code dis} modules state them.
 *
 * <p>The data is generated, never typed by hand: {@code tools/gen_opcodes.py}, run with each
 * interpreter, writes {@code org/jpyc/code/opcodes-X.Y.tsv} (its banner names the interpreter and
 * the regeneration command). Per-opcode facts describe what {@code dis} does with an opcode byte:
 * the name it prints, the base opcode it deoptimizes to, whether {@code _unpack_opargs} gives it an
 * argument, how many inline cache units follow it, and which of dis's lists ({@code hasconst},
 * {@code hasjrel}, ...) the base opcode is in.
 */
public final class OpcodeTable {
    /** Membership of a (deoptimized) opcode in the lists of the {@code opcode} module. */
    public enum Kind {
        /** {@code hasconst}. */
        CONST,
        /** {@code hasname}. */
        NAME,
        /** {@code hasjrel}: relative jump. */
        JREL,
        /** {@code hasjabs}: absolute jump (none from 3.11 on). */
        JABS,
        /** {@code hasjump} (3.13+). */
        JUMP,
        /** {@code haslocal}. */
        LOCAL,
        /** {@code hasfree}. */
        FREE,
        /** {@code hascompare}. */
        COMPARE,
        /** {@code hasexc} (3.12+; only pseudo opcodes, never in real bytecode). */
        EXC,
        /** {@code dis._is_backward_jump}: the relative argument counts backwards. */
        BACKWARD
    }

    private static final Map<PyVersion, OpcodeTable> CACHE = new ConcurrentHashMap<>();

    private final String interpreterVersion;
    private final int haveArgument;
    private final int extendedArg;
    private final String[] names = new String[256];
    private final int[] deopt = new int[256];
    private final boolean[] hasArg = new boolean[256];
    private final int[] caches = new int[256];
    private final List<Set<Kind>> kinds = new ArrayList<>(256);
    private final Map<String, Integer> byName = new HashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();
    private final Map<String, Map<String, Integer>> cacheFormat = new LinkedHashMap<>();

    private OpcodeTable(List<String[]> rows, String source) {
        String version = null;
        int have = -1;
        int ext = -1;
        int ops = 0;
        for (int i = 0; i < 256; i++) kinds.add(Set.of());
        for (String[] r : rows) {
            switch (r[0]) {
                case "version" -> version = r[1];
                case "HAVE_ARGUMENT" -> have = Integer.parseInt(r[1]);
                case "EXTENDED_ARG" -> ext = Integer.parseInt(r[1]);
                case "list" -> {
                    List<String> items = new ArrayList<>();
                    for (int k = 2; k < r.length; k++) items.add(r[k]);
                    lists.put(r[1], Collections.unmodifiableList(items));
                }
                case "op" -> {
                    int op = Integer.parseInt(r[1]);
                    names[op] = r[2];
                    deopt[op] = Integer.parseInt(r[3]);
                    hasArg[op] = r[4].equals("1");
                    caches[op] = Integer.parseInt(r[5]);
                    EnumSet<Kind> ks = EnumSet.noneOf(Kind.class);
                    if (!r[6].equals("-")) {
                        for (String f : r[6].split(",")) ks.add(Kind.valueOf(f.toUpperCase(java.util.Locale.ROOT)));
                    }
                    kinds.set(op, Collections.unmodifiableSet(ks));
                    if (!r[2].startsWith("<")) byName.putIfAbsent(r[2], op);
                    ops++;
                }
                case "cache" -> {
                    Map<String, Integer> fmt = new LinkedHashMap<>();
                    for (int k = 2; k < r.length; k++) {
                        int eq = r[k].lastIndexOf('=');
                        fmt.put(r[k].substring(0, eq), Integer.parseInt(r[k].substring(eq + 1)));
                    }
                    cacheFormat.put(r[1], Collections.unmodifiableMap(fmt));
                }
                default -> { /* unknown record kinds from newer generators are ignored */ }
            }
        }
        if (version == null || have < 0 || ext < 0 || ops != 256) {
            throw new IllegalStateException("incomplete opcode table " + source);
        }
        this.interpreterVersion = version;
        this.haveArgument = have;
        this.extendedArg = ext;
    }

    /** The table for {@code version}; throws if jpyc has no generated table for it. */
    public static OpcodeTable forVersion(PyVersion version) {
        return CACHE.computeIfAbsent(version, OpcodeTable::load);
    }

    /** Whether a generated table exists for {@code version}. */
    public static boolean available(PyVersion version) {
        return OpcodeTable.class.getResource(resourceName(version)) != null;
    }

    private static String resourceName(PyVersion v) {
        return "opcodes-" + v.major() + "." + v.minor() + ".tsv";
    }

    private static OpcodeTable load(PyVersion v) {
        String res = resourceName(v);
        try (InputStream in = OpcodeTable.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalArgumentException("no opcode table for Python " + v
                        + " (generate it with tools/gen_opcodes.py)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                for (int i = 0; i < f.length; i++) f[i] = unescape(f[i]);
                rows.add(f);
            }
            return new OpcodeTable(rows, res);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The exact interpreter version the table was generated from ({@code 3.12.1}). */
    public String interpreterVersion() {
        return interpreterVersion;
    }

    public int haveArgument() {
        return haveArgument;
    }

    public int extendedArg() {
        return extendedArg;
    }

    /** The name dis prints for opcode byte {@code op} ({@code <N>} when unassigned). */
    public String name(int op) {
        return names[op & 0xff];
    }

    /** The opcode with this name, or -1 if this version has none. */
    public int opcode(String name) {
        Integer op = byName.get(name);
        return op == null ? -1 : op;
    }

    /** The base opcode a specialized opcode deoptimizes to (itself otherwise). */
    public int deopt(int op) {
        return deopt[op & 0xff];
    }

    /** Whether dis reads an argument for opcode byte {@code op}. */
    public boolean hasArg(int op) {
        return hasArg[op & 0xff];
    }

    /** Inline cache code units following the (deoptimized) opcode. */
    public int cacheEntries(int op) {
        return caches[op & 0xff];
    }

    /** The lists the deoptimized {@code op} belongs to. */
    public Set<Kind> kinds(int op) {
        return kinds.get(op & 0xff);
    }

    public boolean is(int op, Kind kind) {
        return kinds.get(op & 0xff).contains(kind);
    }

    /**
     * A named list of strings: {@code cmp_op}, {@code nb_ops} (the symbol of each
     * {@code _nb_ops} entry), {@code intrinsic1}, {@code intrinsic2}, {@code common_constants}
     * (dis's argrepr of each), {@code special_method_names}, {@code format_value_converters},
     * {@code convert_value_names}, {@code function_flags}. Empty if this version has no such list.
     */
    public List<String> list(String name) {
        return lists.getOrDefault(name, List.of());
    }

    /** {@code _cache_format}: base opname to (field, size in code units), in order. */
    public Map<String, Map<String, Integer>> cacheFormat() {
        return Collections.unmodifiableMap(cacheFormat);
    }
}
