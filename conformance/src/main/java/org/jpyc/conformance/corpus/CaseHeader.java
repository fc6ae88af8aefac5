package org.jpyc.conformance.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code # jpyc:} directives at the top of a case. Only the leading block of comment and blank
 * lines is read (after an optional UTF-8 BOM); each directive is one line:
 *
 * <pre>
 * # jpyc: versions SPEC     -- the versions the case is meant for (see {@link VersionRange}); default all
 * # jpyc: expect TYPE       -- on those versions compiling must raise TYPE (SyntaxError, IndentationError, TabError, ...)
 * # jpyc: feature TEXT      -- free text describing what the case exercises
 * # jpyc: optimize 0,1,2    -- optimization levels of interest (the suite compiles all three anyway)
 * </pre>
 *
 * This is the syntax corpus/README.md defines; as it says, unknown keys are ignored.
 * On versions outside the range the case still runs; there it has no declared expectation and
 * simply has to behave as CPython does. A malformed directive does not stop the run: it is kept in
 * {@link #problem()} and reported as a failure of the case.
 *
 * @param versions the versions the case is meant for
 * @param expect   the exception type compiling must raise on those versions, or {@code null}
 * @param feature  the {@code feature} text, or {@code null}
 * @param optimize the {@code optimize} levels, empty when not given
 * @param problem  what was wrong with the header, or {@code null}
 */
public record CaseHeader(VersionRange versions, String expect, String feature, List<Integer> optimize, String problem) {
    public static final CaseHeader NONE = new CaseHeader(VersionRange.ALL, null, null, List.of(), null);
    private static final String MARK = "jpyc:";

    /** Parses the header of a source file (any encoding whose ASCII subset is ASCII). */
    public static CaseHeader parse(byte[] source) {
        String text = new String(source, 0, Math.min(source.length, 8192), StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00ef\u00bb\u00bf")) text = text.substring(3);
        VersionRange versions = VersionRange.ALL;
        String expect = null;
        String feature = null;
        List<Integer> optimize = new ArrayList<>();
        String problem = null;
        for (String raw : text.split("\r\n|\r|\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            if (!line.startsWith("#")) break;
            String body = line.substring(1).strip();
            if (!body.startsWith(MARK)) continue;
            String directive = body.substring(MARK.length()).strip();
            int sp = directive.indexOf(' ');
            String word = sp < 0 ? directive : directive.substring(0, sp);
            String arg = sp < 0 ? "" : directive.substring(sp + 1).strip();
            try {
                switch (word) {
                    case "versions" -> versions = VersionRange.parse(arg);
                    case "expect" -> {
                        if (!arg.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("bad exception name '" + arg + "'");
                        expect = arg;
                    }
                    case "feature" -> feature = arg;
                    case "optimize" -> {
                        for (String level : arg.split(",")) {
                            if (!level.strip().matches("[012]")) throw new IllegalArgumentException("bad optimize level '" + level + "'");
                            optimize.add(Integer.parseInt(level.strip()));
                        }
                    }
                    default -> { } // unknown keys are ignored (corpus/README.md)
                }
            } catch (IllegalArgumentException e) {
                problem = (problem == null ? "" : problem + "; ") + "'" + line + "': " + e.getMessage();
            }
        }
        return new CaseHeader(versions, expect, feature, List.copyOf(optimize), problem);
    }
}
