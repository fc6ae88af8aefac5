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
import org.jpyc.version.Feature;
import org.jpyc.version.PyVersion;

/**
 * The strings a fresh interpreter has interned when {@code py_compile} calls {@code compile()}: the
 * runtime's static strings and the names of the modules loaded by then. Generated, never typed:
 * {@code tools/gen_startup_interned.py} probes them in a 3.13 process started as py_compile is, and
 * writes {@code org/jpyc/compile/startup-interned-X.Y.txt}.
 *
 * <p>One string per line; '#' starts a comment; a line starting with a backslash is escaped ({@link #unescape}).
 *
 * <p>They matter because {@code _PyCode_New} interns constants ({@code intern_constants}) and the
 * qualname ({@code init_code}): a str whose text is interned already is replaced, not interned itself,
 * so a frozenset holding it is rebuilt and a class body's {@code __qualname__} constant stays plain.
 */
final class StartupInterned {
    /** The lists read so far, by name ({@code startup-interned-3.13}, {@code compileall-shadowed-3.12}, ...). */
    private static final Map<String, Set<String>> LISTS = new ConcurrentHashMap<>();

    private StartupInterned() {}

    /** Pre-interns the version's startup strings into {@code table} (none if jpyc has no list for it). */
    static void addTo(InternTable table, PyVersion v) {
        addTo(table, v, Compiler.Host.PY_COMPILE);
    }

    /**
     * Pre-interns what {@code host}'s process has interned: for {@link Compiler.Host#COMPILEALL} the list
     * {@code tools/gen_startup_interned.py --compileall} wrote ({@code compileall-interned-X.Y.txt}), for
     * {@link Compiler.Host#COMPILEALL_WORKER} that of {@code --compileall-workers}
     * ({@code compileall-workers-interned-X.Y.txt}); py_compile's where there is none. The same process's
     * one-character texts interned as other objects than the runtime's singletons ({@code X-shadowed-Y.txt}, 3.12;
     * none where the runtime interns its singletons) go with it.
     */
    static void addTo(InternTable table, PyVersion v, Compiler.Host host) {
        String process = switch (host) {
            case COMPILEALL -> "compileall";
            case COMPILEALL_WORKER -> "compileall-workers";
            case PY_COMPILE -> "startup";
        };
        if (list(process + "-interned-" + v).isEmpty()) process = "startup";
        // where interned strs are mortal (3.10), the ones alive at startup are alive because the interpreter holds them
        table.preInternAll(list(process + "-interned-" + v), !v.has(Feature.INTERNED_STRS_ALWAYS_FLAGGED));
        table.shadowSingletons(list(process + "-shadowed-" + v));
    }

    /**
     * Pre-interns what importing {@code unicodedata} interns in that process ({@code unicodedata-interned-X.Y.txt}, by
     * the same generator): the parser imports it for a non-ASCII identifier or a {@code \N{...}} escape, before any code
     * object exists, and its module's namespace holds those strs from then on.
     */
    static void addUnicodedata(InternTable table, PyVersion v) {
        table.preInternAll(list("unicodedata-interned-" + v), !v.has(Feature.INTERNED_STRS_ALWAYS_FLAGGED));
    }

    static Set<String> of(PyVersion v) {
        return list("startup-interned-" + v);
    }

    private static Set<String> list(String name) {
        return LISTS.computeIfAbsent(name, StartupInterned::load);
    }

    /** The list {@code name}.txt (one string per line; '#' starts a comment line), empty if there is none. */
    private static Set<String> load(String base) {
        String name = base + ".txt";
        List<String> out = new ArrayList<>();
        try (InputStream in = StartupInterned.class.getResourceAsStream(name)) {
            if (in == null) return Set.of();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty() && !line.startsWith("#")) out.add(line.startsWith("\\") ? unescape(line) : line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TextSet(out);
    }

    /** A line the generator escaped (a text with a line break, or starting with '#' or a backslash): backslash, then
     *  the text with {@code \\}, {@code \n} and {@code \r} for backslash, LF and CR. */
    private static String unescape(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 1; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\' && i + 1 < line.length()) {
                char e = line.charAt(++i);
                sb.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e);
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
