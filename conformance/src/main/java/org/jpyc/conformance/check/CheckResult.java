package org.jpyc.conformance.check;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * @param status  passed, failed, skipped, or one of the ratchet's statuses
 * @param summary one line: why it failed, or the written reason for a skip
 * @param detail  the explanation of a mismatch (diff, byte offsets, disassembly), possibly empty
 * @param fields  per compared part (e.g. {@code co_code}, {@code references}), whether jpyc agreed with
 *                CPython on this case; empty for checks that compare no parts. Summed in the report.
 */
public record CheckResult(Status status, String summary, String detail, Map<String, Boolean> fields) {
    public CheckResult {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public CheckResult(Status status, String summary, String detail) {
        this(status, summary, detail, Map.of());
    }

    public static CheckResult passed(String summary) {
        return new CheckResult(Status.PASSED, summary, "");
    }

    public static CheckResult failed(String summary, String detail) {
        return new CheckResult(Status.FAILED, summary, detail == null ? "" : detail);
    }

    public static CheckResult skipped(String reason) {
        return new CheckResult(Status.SKIPPED, reason, "");
    }

    /** The same result with per-part agreement. */
    public CheckResult withFields(Map<String, Boolean> f) {
        return new CheckResult(status, summary, detail, f);
    }

    /** The same result with another status (the ratchet's). */
    public CheckResult withStatus(Status s) {
        return new CheckResult(s, summary, detail, fields);
    }
}
