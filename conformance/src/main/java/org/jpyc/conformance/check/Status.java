package org.jpyc.conformance.check;

/** The outcome of one check on one case and version. */
public enum Status {
    PASSED, FAILED, SKIPPED
}
