package org.jpyc.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partial regeneration of docs/STATUS.md ({@code jpyc status --only ...}): the sections measured in this
 * run replace those of the existing file, the others stay as they were, and the header says which is which.
 * Sections are the file's {@code ## } headings; each belongs to one of the command's groups.
 */
final class StatusSections {
    private StatusSections() {}

    /** The {@code --only} group a {@code ## } heading belongs to; "always" for the closing list. */
    static String group(String heading) {
        if (heading.startsWith("Oracles") || heading.startsWith("Conformance")) return "corpus";
        if (heading.startsWith("Stdlib sweep")) return "sweep";
        if (heading.startsWith("Compiler conformance")) return "compiler";
        if (heading.startsWith("Container oracles")) return "docker";
        if (heading.startsWith("Real code")) return "realcode";
        if (heading.startsWith("Benchmarks")) return "bench";
        if (heading.startsWith("Against Debian")) return "debian";
        if (heading.startsWith("On a newer JDK")) return "jdk";
        if (heading.startsWith("Native executable")) return "native";
        return "always";
    }

    /** The header (everything before the first {@code ## }) and the sections by heading, in file order. */
    record Parsed(String header, Map<String, String> sections) {}

    static Parsed parse(String md) {
        Map<String, String> sections = new LinkedHashMap<>();
        int first = md.startsWith("## ") ? 0 : md.indexOf("\n## ");
        if (first < 0) return new Parsed(md, sections);
        String header = md.substring(0, first == 0 ? 0 : first + 1);
        String rest = md.substring(header.length());
        for (String part : rest.split("(?m)^(?=## )")) {
            if (part.isEmpty()) continue;
            int eol = part.indexOf('\n');
            String heading = (eol < 0 ? part : part.substring(0, eol)).substring(3).strip();
            sections.put(heading, part.endsWith("\n") ? part : part + "\n");
        }
        return new Parsed(header, sections);
    }

    /**
     * The existing file with the freshly measured groups in place of theirs: sections of those groups
     * come from {@code fresh} (a group's old sections are dropped even if it wrote none now), the rest
     * from {@code old}; the sections in a full run's order (the groups in {@link StatusCommand#GROUPS}' order, the
     * closing list last), each group's in the order the file had them, so that a file spliced in another order is put
     * right by its next run.
     */
    static String splice(String old, String fresh, Set<String> groups, String commit) {
        Parsed o = parse(old);
        Parsed f = parse(fresh);
        List<String> order = new ArrayList<>();
        for (String h : o.sections().keySet()) {
            String g = group(h);
            if (g.equals("always") || groups.contains(g)) {
                if (f.sections().containsKey(h)) order.add(h);
            } else {
                order.add(h);
            }
        }
        for (String h : f.sections().keySet()) {
            if (!order.contains(h)) order.add(h);
        }
        order.sort(Comparator.comparingInt(StatusSections::rank)); // stable: a group's sections keep their order
        StringBuilder out = new StringBuilder();
        out.append(headerFor(o.header(), groups, commit));
        for (String h : order) {
            String g = group(h);
            boolean isFresh = g.equals("always") || groups.contains(g);
            String text = isFresh ? f.sections().get(h) : withoutSubsections(o.sections().get(h), f.sections().keySet());
            out.append(text);
            if (!text.endsWith("\n\n")) out.append('\n');
        }
        String s = out.toString();
        return s.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * An old section without its {@code ### } subsections whose headings are now sections of this run (a subsection made a
     * section of its own, as "Against Debian's builds of CPython" was of "Benchmarks"): the fresh section replaces it.
     */
    static String withoutSubsections(String section, Set<String> freshHeadings) {
        StringBuilder out = new StringBuilder();
        boolean dropping = false;
        for (String line : section.split("(?<=\n)")) {
            if (line.startsWith("### ")) dropping = freshHeadings.contains(line.substring(4).strip());
            if (!dropping) out.append(line);
        }
        return out.toString();
    }

    /** A heading's place in a full run's order: its group's in {@link StatusCommand#GROUPS}, the closing list last. */
    private static int rank(String heading) {
        int rank = StatusCommand.GROUPS.indexOf(group(heading));
        return rank < 0 ? StatusCommand.GROUPS.size() : rank;
    }

    /**
     * The old header with one line saying what this run regenerated, after the lines of earlier partial runs that still
     * name sections of their own (a line whose groups this run regenerated is dropped): one line per run, oldest first,
     * so that each section's run can be read off the header.
     */
    static String headerFor(String oldHeader, Set<String> groups, String commit) {
        String note = partialNote(groups, LocalDate.now(ZoneOffset.UTC) + " at " + commit)
                + ", and the closing list; a section no such line names is from the run the line \"Generated by\" names.\n";
        StringBuilder b = new StringBuilder();
        StringBuilder earlier = new StringBuilder();
        for (String line : oldHeader.split("\n", -1)) {
            if (!line.startsWith(PARTIAL)) {
                b.append(line).append('\n');
                continue;
            }
            java.util.regex.Matcher m = EARLIER.matcher(line);
            if (!m.find()) continue;
            Set<String> theirs = new java.util.TreeSet<>(List.of(m.group(1).split(",")));
            if (groups.containsAll(theirs)) continue;
            earlier.append(partialNote(theirs, m.group(2))).append(".\n");
        }
        String h = b.toString().replaceAll("\n+$", "\n");
        int gen = h.indexOf("Generated by ");
        if (gen < 0) return h + earlier + note + "\n";
        int eol = h.indexOf('\n', gen);
        return h.substring(0, eol + 1) + earlier + note + h.substring(eol + 1) + "\n";
    }

    private static final String PARTIAL = "Partly regenerated by ";
    /** An earlier partial run's line: its groups, then its date and commit. */
    private static final java.util.regex.Pattern EARLIER = java.util.regex.Pattern.compile("--only ([a-z,]+)` on (\\S+ at \\S+?):");

    /** "Partly regenerated by `./jpyc status --only G` on D at C: those sections are from that run" (no full stop). */
    private static String partialNote(Set<String> groups, String dateAtCommit) {
        return PARTIAL + "`" + StatusCommand.COMMAND + " --only " + String.join(",", new java.util.TreeSet<>(groups)) + "` on "
                + dateAtCommit + ": those sections are from that run";
    }
}
