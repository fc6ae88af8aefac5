package org.jpyc.conformance.check;

/**
 * @param status  passed, failed, or skipped
 * @param summary one line: why it failed, or the written reason for a skip
 * @param detail  the explanation of a mismatch (diff, byte offsets, disassembly), possibly empty
 */
public record CheckResult(Status status, String summary, String detail) {
    public static CheckResult passed(String summary) {
        return new CheckResult(Status.PASSED, summary, "");
    }

    public static CheckResult failed(String summary, String detail) {
        return new CheckResult(Status.FAILED, summary, detail == null ? "" : detail);
    }

    public static CheckResult skipped(String reason) {
        return new CheckResult(Status.SKIPPED, reason, "");
    }
}
