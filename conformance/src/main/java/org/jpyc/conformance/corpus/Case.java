package org.jpyc.conformance.corpus;

/**
 * One Python source to test.
 *
 * @param id     unique in a run, e.g. {@code cases/match/class_patterns.py} or {@code stdlib/json/decoder.py}
 * @param group  the feature folder or sweep name (report grouping)
 * @param dfile  the display filename compiled into {@code co_filename}
 * @param source the exact bytes
 * @param header its {@code # jpyc:} directives
 */
public record Case(String id, String group, String dfile, byte[] source, CaseHeader header) {
    public static Case of(String id, String group, String dfile, byte[] source) {
        return new Case(id, group, dfile, source, CaseHeader.parse(source));
    }

    @Override
    public String toString() {
        return id;
    }
}
