package org.jpyc.compile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jpyc.instrseq.InternTable;
import org.jpyc.util.TextSet;
import org.jpyc.version.PyVersion;

/**
 * The strings a fresh interpreter has interned when {@code py_compile} calls {@code compile()}: the
 * runtime's static strings and the names of the modules loaded by then. Generated, never typed:
 * {@code tools/gen_startup_interned.py} probes them in a 3.13 process started as py_compile is, and
 * writes {@code org/jpyc/compile/startup-interned-X.Y.txt}.
 *
 * <p>They matter because {@code _PyCode_New} interns constants ({@code intern_constants}) and the
 * qualname ({@code init_code}): a str whose text is interned already is replaced, not interned itself,
 * so a frozenset holding it is rebuilt and a class body's {@code __qualname__} constant stays plain.
 */
final class StartupInterned {
    private static final Map<PyVersion, Set<String>> CACHE = new ConcurrentHashMap<>();
    private static final Map<PyVersion, Set<String>> COMPILEALL_CACHE = new ConcurrentHashMap<>();
    private static final Map<PyVersion, Set<String>> WORKERS_CACHE = new ConcurrentHashMap<>();

    private StartupInterned() {}

    /** Pre-interns the version's startup strings into {@code table} (none if jpyc has no list for it). */
    static void addTo(InternTable table, PyVersion v) {
        addTo(table, v, Compiler.Host.PY_COMPILE);
    }

    /**
     * Pre-interns what {@code host}'s process has interned: for {@link Compiler.Host#COMPILEALL} the list
     * {@code tools/gen_startup_interned.py --compileall} wrote ({@code compileall-interned-X.Y.txt}), for
     * {@link Compiler.Host#COMPILEALL_WORKER} that of {@code --compileall-workers}
     * ({@code compileall-workers-interned-X.Y.txt}); py_compile's where there is none.
     */
    static void addTo(InternTable table, PyVersion v, Compiler.Host host) {
        Set<String> s = switch (host) {
            case COMPILEALL -> COMPILEALL_CACHE.computeIfAbsent(v, x -> load(x, "compileall-interned-"));
            case COMPILEALL_WORKER -> WORKERS_CACHE.computeIfAbsent(v, x -> load(x, "compileall-workers-interned-"));
            case PY_COMPILE -> Set.of();
        };
        Set<String> shadowed = switch (host) {
            case COMPILEALL -> SHADOWED_CACHE.computeIfAbsent("compileall-shadowed-" + v, StartupInterned::load);
            case COMPILEALL_WORKER -> SHADOWED_CACHE.computeIfAbsent("compileall-workers-shadowed-" + v, StartupInterned::load);
            case PY_COMPILE -> Set.of();
        };
        if (s.isEmpty()) {
            s = of(v);
            shadowed = SHADOWED_CACHE.computeIfAbsent("startup-shadowed-" + v, StartupInterned::load);
        }
        table.preInternAll(s);
        table.shadowSingletons(shadowed);
    }

    /**
     * The one-character texts each list's process interned as other objects than the runtime's singletons
     * ({@code X-shadowed-Y.txt}, 3.12; none where the runtime interns its singletons), by list name.
     */
    private static final Map<String, Set<String>> SHADOWED_CACHE = new ConcurrentHashMap<>();

    static Set<String> of(PyVersion v) {
        return CACHE.computeIfAbsent(v, x -> load(x, "startup-interned-"));
    }

    private static Set<String> load(PyVersion v, String prefix) {
        return load(prefix + v.major() + "." + v.minor());
    }

    /** The list {@code name}.txt (one string per line; '#' starts a comment line), empty if there is none. */
    private static Set<String> load(String base) {
        String name = base + ".txt";
        List<String> out = new ArrayList<>();
        try (InputStream in = StartupInterned.class.getResourceAsStream(name)) {
            if (in == null) return Set.of();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty() && !line.startsWith("#")) out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TextSet(out);
    }
}
