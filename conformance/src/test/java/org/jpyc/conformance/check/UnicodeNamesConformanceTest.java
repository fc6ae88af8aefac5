package org.jpyc.conformance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jpyc.conformance.oracle.Oracle;
import org.jpyc.conformance.oracle.OracleOptions;
import org.jpyc.conformance.oracle.Oracles;
import org.jpyc.conformance.oracle.SourceAnswer;
import org.jpyc.conformance.oracle.SourceRequest;
import org.jpyc.object.UnicodeNames;
import org.jpyc.parse.Parser;
import org.jpyc.version.PyVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code \N{name}} escapes, the whole name table of each version, against each oracle interpreter
 * asked in this run: jpyc's {@code ast} dump (or error line) of each probe source must equal CPython's.
 * Embedded interpreters by default ({@code jpyc.oracle}, {@code jpyc.versions}), plus the container
 * versions jpyc parses when a Docker engine is present.
 *
 * <ul>
 *   <li>every name the version accepts, in upper case and (but for the case-sensitive algorithmic
 *       CJK and Hangul names) in lower case, concatenated into literals of a few thousand escapes;</li>
 *   <li>names only newer Unicode versions know, one literal each (at most 1500, evenly sampled), which
 *       must fail the same way;</li>
 *   <li>spellings CPython rejects although another lookup might accept them: named sequences,
 *       lower-case algorithmic names, padded hex, Java's block-name forms.</li>
 * </ul>
 */
class UnicodeNamesConformanceTest {
    private static final int CHUNK = 4000;
    private static final int MAX_REJECTED = 1500;
    private static final PyVersion NEWEST = PyVersion.parse("3.15");
    private static final List<String> ODD = List.of("KEYCAP NUMBER SIGN", "hangul syllable ga", "HANGUL SYLLABLE gA",
            "HANGUL SYLLABLE GAX", "HANGUL SYLLABLE ", "CJK UNIFIED IDEOGRAPH-4e00", "cjk unified ideograph-4E00",
            "CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-4E0", "CJK UNIFIED IDEOGRAPH-020000",
            "CJK COMPATIBILITY IDEOGRAPH-0F900", "cjk compatibility ideograph-f900", "CJK COMPATIBILITY IDEOGRAPH-+F900",
            "LATIN 1 SUPPLEMENT 80", "LATIN SMALL LETTER \u00c4", "latin small letter a", "LATIN  SMALL LETTER A",
            " LATIN SMALL LETTER A", "NULL", "nul", "BYTE ORDER MARK", "bom", "line feed", "END OF LINE", "",
            "HANGUL SYLLABLE A", "HANGUL SYLLABLE GGWAELH", "Hangul Syllable Ga", "tangut ideograph-17000",
            "TANGUT IDEOGRAPH-017000", "cjk unified ideograph-04e00", "CJK UNIFIED IDEOGRAPH-+4E00", "CJK UNIFIED IDEOGRAPH-4E00 ");

    /** Whole sources: unterminated and malformed escapes, and error columns on lines with non-ASCII text. */
    private static final List<String> RAW = List.of("x = \"\\N{abc\"\n", "x = \"\\N\"\n", "x = \"\\Nabc\"\n",
            "x = \"\\N{ab\u00e9\"\n", "x = \"\\N{ab\u00e9}\"\n", "x = \"\u00e4\\N{\u00c4\u00c4}\"\n",
            "y = \"\u00e4\"; x = \"\\N{foo}\"\n", "x = (\"\u00e4\"\n \"\\N{foo}\")\n", "x = \"\u00e4\\x4\"\n",
            "\ufeffx = \"\u00e4\\N{foo}\"\n", "# coding: utf-8\nx = \"\u00e4\\N{foo}\"\n", "x = \"\u00e4\" 1\n",
            "x = f\"\u00e4{\u00e4 +}\"\n", "x = f\"{\u00e4 +}\"\n", "\u00e4 = (1,\n", "if \u00e4:\n  x\n y\n");

    @TestFactory
    Stream<DynamicContainer> namedEscapesAgreeWithCPython() {
        String provider = System.getProperty("jpyc.oracle", "embedded");
        List<PyVersion> versions = PyVersion.parseList(System.getProperty("jpyc.versions", "3.10,3.11,3.12,3.13,3.14"));
        return versions.stream().filter(Parser::supports)
                .map(v -> DynamicContainer.dynamicContainer(v.toString(), probe(provider, v)));
    }

    /** The container versions jpyc parses (3.15), when a Docker engine and their images are present. */
    @TestFactory
    Stream<DynamicNode> namedEscapesAgreeWithContainerCPython() {
        if (!Oracles.dockerAvailable()) {
            return Stream.of(DynamicTest.dynamicTest("docker", () -> Assumptions.abort("no Docker engine is reachable")));
        }
        List<PyVersion> have = Oracles.provider("docker", OracleOptions.defaults()).versions();
        List<PyVersion> versions = PyVersion.parseList(System.getProperty("jpyc.docker.versions", "3.9,3.15")).stream()
                .filter(Parser::supports).filter(have::contains).toList();
        if (versions.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("docker", () -> Assumptions.abort("no Docker image for a version jpyc parses")));
        }
        return versions.stream().map(v -> DynamicContainer.dynamicContainer(v.toString(), probe("docker", v)));
    }

    private static Stream<DynamicTest> probe(String provider, PyVersion v) {
        Map<String, byte[]> sources = sources(v);
        List<SourceRequest> requests = new ArrayList<>();
        sources.forEach((label, src) -> requests.add(new SourceRequest("names.py", src, 0, List.of(), true, false)));
        List<SourceAnswer> answers;
        try (Oracle o = Oracles.provider(provider, OracleOptions.defaults()).open(v)) {
            answers = o.compile(requests);
        }
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, byte[]> e : sources.entrySet()) {
            SourceAnswer a = answers.get(i++);
            String expected = a.astError() != null ? FrontendCall.line(a.astError(), v) : a.ast();
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                FrontendCall mine = FrontendCall.run(e.getValue(), v);
                String actual = mine.error() != null ? FrontendCall.line(mine.error(), v) : mine.dump();
                if (!expected.equals(actual)) {
                    assertEquals(expected.length() > 2000 ? UnifiedDiff.diff("CPython", expected, "jpyc", actual) : expected,
                            expected.length() > 2000 ? "" : actual, e.getKey());
                }
            }));
        }
        return tests.stream();
    }

    /** Probe sources by label, in a fixed order. */
    static Map<String, byte[]> sources(PyVersion v) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        List<String> accepted = new ArrayList<>(UnicodeNames.names(v));
        accepted.sort(null);
        chunks(out, "accepted", accepted);
        List<String> lower = new ArrayList<>();
        for (String n : accepted) {
            if (!n.startsWith("CJK UNIFIED IDEOGRAPH-") && !n.startsWith("HANGUL SYLLABLE ")) lower.add(n.toLowerCase(Locale.ROOT));
        }
        chunks(out, "accepted, lower case", lower);
        Set<String> known = new HashSet<>(accepted);
        List<String> newer = new ArrayList<>();
        for (String n : UnicodeNames.names(NEWEST)) {
            if (!known.contains(n)) newer.add(n);
        }
        newer.sort(null);
        int step = Math.max(1, (newer.size() + MAX_REJECTED - 1) / MAX_REJECTED);
        for (int k = 0; k < newer.size(); k += step) out.put("newer: " + newer.get(k), literal(List.of(newer.get(k))));
        for (String n : ODD) out.put("odd: '" + n + "'", literal(List.of(n)));
        for (String s : RAW) out.put("raw: " + s, s.getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private static void chunks(Map<String, byte[]> out, String label, List<String> names) {
        for (int k = 0; k < names.size(); k += CHUNK) {
            List<String> part = names.subList(k, Math.min(names.size(), k + CHUNK));
            out.put(label + " " + part.get(0) + " .. " + part.get(part.size() - 1), literal(part));
        }
    }

    private static byte[] literal(List<String> names) {
        StringBuilder b = new StringBuilder("x = (\n");
        for (String n : names) b.append("    \"\\N{").append(n).append("}\"\n");
        return b.append(")\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
